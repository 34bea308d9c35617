import { validateElement, type Element } from '@sammen/shared';

/**
 * The clipboard format: plain JSON in `text/plain`, so that copying between two boards (or two
 * browsers) works through the system clipboard without extra permissions. Pasted data is untrusted:
 * every element is validated again.
 */
export const CLIPBOARD_TYPE = 'sammen/elements';

export interface ClipboardPayload {
  type: typeof CLIPBOARD_TYPE;
  version: 1;
  elements: Element[];
}

export const serializeClipboard = (elements: readonly Element[]): string =>
  JSON.stringify({ type: CLIPBOARD_TYPE, version: 1, elements: [...elements] } satisfies ClipboardPayload);

/** The elements in `text` when it is a Sammen payload, otherwise null. Invalid elements are dropped. */
export function parseClipboard(text: string): Element[] | null {
  if (!text.startsWith('{')) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { type, elements } = data as { type?: unknown; elements?: unknown };
  if (type !== CLIPBOARD_TYPE || !Array.isArray(elements)) return null;
  const out: Element[] = [];
  for (const candidate of elements.slice(0, 5000)) {
    const result = validateElement(candidate);
    if (result.ok) out.push(result.value);
  }
  return out;
}
