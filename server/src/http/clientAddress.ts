import net from 'node:net';

/** TRUST_PROXY as parsed by config.ts: nobody, a hop count, or proxy addresses/CIDRs/names. */
export type TrustProxy = false | number | readonly string[];

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const unmapped = (ip: string): string => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * The client's address for requests that do not pass through Fastify's router (socket.io's handshake),
 * by the same rule Fastify's `trustProxy` applies: walk `X-Forwarded-For` from the right, starting at
 * the TCP peer, while the hop is a trusted proxy; the first untrusted address is the client.
 */
export function clientAddressResolver(trust: TrustProxy): (remote: string | undefined, forwardedFor: string | string[] | undefined) => string {
  let trusted: (address: string, hop: number) => boolean;
  if (trust === false) trusted = () => false;
  else if (typeof trust === 'number') trusted = (_a, hop) => hop < trust;
  else {
    const list = new net.BlockList();
    for (const entry of trust.flatMap((e) => NAMED[e] ?? [e])) {
      const [address = '', bits] = entry.split('/');
      const family = net.isIPv6(address) ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(bits), family);
    }
    trusted = (address) => net.isIP(address) !== 0 && list.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
  }
  return (remote, forwardedFor) => {
    const peer = unmapped(remote ?? '');
    if (trust === false || forwardedFor === undefined) return peer;
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    const hops = [peer, ...header.split(',').map((a) => unmapped(a.trim())).filter(Boolean).reverse()];
    let i = 0;
    while (i < hops.length - 1 && trusted(hops[i]!, i)) i++;
    return hops[i]!;
  };
}
