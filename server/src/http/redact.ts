/** Query parameters whose values are harmless and useful in a log line. */
const KEEP = new Set(['format', 'lang', 'download', 'eio', 'transport']);

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/**
 * A request URL fit for the log. Tokens travel in `?token=` on WebSocket URLs, and a client may spell
 * the name any way the router still understands (`?%74oken=`, `?Token=`), so names are judged after
 * decoding and every value is replaced except those of a few known, harmless parameters. A join code
 * in the page path `/join/<code>` is a key to a workshop, too.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const path = /^\/join\/./i.test(decode(rawPath)) ? '/join/[redacted]' : rawPath;
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = decode(eq < 0 ? part : part.slice(0, eq));
      if (eq < 0 && name === '') return part;
      const safeName = encodeURIComponent(name.slice(0, 40));
      return KEEP.has(name.trim().toLowerCase()) && eq >= 0 ? `${safeName}=${encodeURIComponent(decode(part.slice(eq + 1)).slice(0, 40))}` : `${safeName}=[redacted]`;
    })
    .join('&');
  return `${path}?${query}`;
}
