import { BlockList, isIP } from 'node:net';

/** `::ffff:10.1.2.3` and `10.1.2.3` are the same client. */
const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

function blockList(cidrs: string[], name: string): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', bits] = cidr.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`${name}: "${cidr}" is not an IP address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/**
 * Access channels: which client addresses belong to the private health network, and the
 * client address itself. X-Forwarded-For is read only when the TCP peer is a trusted proxy, from
 * the right, skipping further trusted proxies: a header forged by anyone else changes nothing.
 */
export class NetworkPolicy {
  private readonly privateNetworks: BlockList;
  private readonly trustedProxies: BlockList;

  constructor(config: { privateNetworks: string[]; trustedProxies: string[] }) {
    this.privateNetworks = blockList(config.privateNetworks, 'PRIVATE_NETWORKS');
    this.trustedProxies = blockList(config.trustedProxies, 'TRUSTED_PROXIES');
  }

  private matches(list: BlockList, address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }

  isPrivate(address: string): boolean {
    return this.matches(this.privateNetworks, address);
  }

  /** Whether the TCP peer is one of TRUSTED_PROXIES (whose X-Forwarded-* headers are believed). */
  isTrustedProxy(peer: string | undefined): boolean {
    return this.matches(this.trustedProxies, peer ?? '');
  }

  clientAddress(peer: string | undefined, forwardedFor: string | undefined): string {
    let client = unmapped(peer ?? '');
    if (!forwardedFor || !this.matches(this.trustedProxies, client)) return client;
    const hops = forwardedFor.split(',').map((hop) => unmapped(hop.trim())).filter((hop) => isIP(hop) !== 0);
    for (let i = hops.length - 1; i >= 0 && this.matches(this.trustedProxies, client); i -= 1) client = hops[i]!;
    return client;
  }
}
