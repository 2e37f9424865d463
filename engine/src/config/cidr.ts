import { isIP } from 'node:net';

/** An IP address or a CIDR range (`10.0.0.0/8`, `fc00::/7`), as NetworkPolicy reads them. */
export function isAddressOrCidr(value: string): boolean {
  const [address = '', bits, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32);
}
