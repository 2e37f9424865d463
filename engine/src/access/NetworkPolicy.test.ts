import { describe, expect, it } from 'vitest';
import { NetworkPolicy } from './NetworkPolicy.js';

describe('NetworkPolicy', () => {
  const policy = new NetworkPolicy({ privateNetworks: ['88.7.0.0/16', '10.0.0.0/8', 'fd00::/8'], trustedProxies: ['127.0.0.1', '10.9.9.9/32'] });

  it('tells private-network addresses, IPv4-mapped IPv6 included', () => {
    expect(policy.isPrivate('88.7.129.120')).toBe(true);
    expect(policy.isPrivate('::ffff:10.1.2.3')).toBe(true);
    expect(policy.isPrivate('fd12::1')).toBe(true);
    expect(policy.isPrivate('8.8.8.8')).toBe(false);
    expect(policy.isPrivate('not an address')).toBe(false);
  });

  it('believes X-Forwarded-For only from a trusted proxy, reading from the right', () => {
    expect(policy.clientAddress('::ffff:127.0.0.1', '88.7.1.1')).toBe('88.7.1.1');
    expect(policy.clientAddress('127.0.0.1', '8.8.8.8, 88.7.1.1')).toBe('88.7.1.1');
    expect(policy.clientAddress('127.0.0.1', '88.7.1.1, 10.9.9.9')).toBe('88.7.1.1');
    expect(policy.clientAddress('203.0.113.5', '88.7.1.1')).toBe('203.0.113.5');
    expect(policy.clientAddress('127.0.0.1', 'garbage')).toBe('127.0.0.1');
    expect(policy.clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('refuses a malformed range at start', () => {
    expect(() => new NetworkPolicy({ privateNetworks: ['88.7.0.0/99x'], trustedProxies: [] })).toThrow();
    expect(() => new NetworkPolicy({ privateNetworks: ['health-net'], trustedProxies: [] })).toThrow(/PRIVATE_NETWORKS/);
  });
});
