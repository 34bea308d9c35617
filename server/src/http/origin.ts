/**
 * Whether a browser page from `origin` may use this server. No Origin header means a non-browser
 * client (which no browser page can pretend to be). With an empty allowlist only same-origin pages
 * pass: the Origin's host:port must equal the Host header the browser sent.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowlist: readonly string[]): boolean {
  if (origin === undefined) return true;
  const normalised = origin.replace(/\/$/, '').toLowerCase();
  if (allowlist.length > 0) return allowlist.some((allowed) => allowed.toLowerCase() === normalised);
  if (!host) return false;
  try {
    return new URL(normalised).host === host.toLowerCase();
  } catch {
    return false;
  }
}
