import net from 'node:net';

/**
 * A client address fit for the log: enough to see which network traffic comes from (abuse, a proxy
 * that is misconfigured), not which person. IPv4 keeps its /24, IPv6 its /48 (one site); an
 * IPv4-mapped IPv6 address counts as IPv4. Anything else is not logged at all.
 */
export function logAddress(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (net.isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!net.isIPv6(ip)) return undefined;
  const [head = '', tail] = ip.toLowerCase().replace(/%.*$/, '').split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) while (groups.length < 3) groups.push('0'); // "a::" or "::b": the gap is zeros
  return `${groups.slice(0, 3).map((g) => (/\./.test(g) ? '0' : parseInt(g, 16).toString(16))).join(':')}::/48`;
}
