import { isIPv4, isIPv6 } from 'node:net';
import { digest } from '../../core/ids.js';

/** A client address as the write gate keys it: digests only, never the address itself. */
export interface ClientAddress {
  /** Digest of the address, per site. */
  address: string;
  /** Digest of its /24 (IPv4) or /48 (IPv6), per site: a carrier's neighbouring addresses. */
  subnet: string;
}

/** `::ffff:203.0.113.7` is the IPv4 address 203.0.113.7 (a dual-stack socket's view of it). */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

/**
 * The /24 of an IPv4 address or the /48 of an IPv6 one, as text.
 * @example subnetOf('203.0.113.7') // '203.0.113.0/24'
 */
export function subnetOf(ip: string): string {
  const plain = plainAddress(ip);
  if (isIPv4(plain)) return `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(plain)) {
    const [head = '', tail = ''] = plain.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = plain.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 3).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return plain; // not an address (a test's 'unknown'): its own subnet
}

/** The digests the write gate keys a request's address by, for one site. */
export function clientAddress(siteId: string, ip: string | undefined): ClientAddress {
  const plain = plainAddress(ip ?? 'unknown');
  return { address: digest(siteId, 'addr', plain), subnet: digest(siteId, 'net', subnetOf(plain)) };
}
