/**
 * The single splice that turns `before` into `after`: keep the common prefix and suffix, replace what is
 * between. Applying input as a splice to the Y.Text (instead of replacing the whole text) keeps a
 * colleague's concurrent typing elsewhere in the note, and works for whatever produced the input: IME
 * composition, dead keys for æøå, dictation, autocorrect, screen-reader editing commands.
 */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

export function diffText(before: string, after: string, cursorHint?: number): TextSplice | null {
  if (before === after) return null;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Typing "a" into "aa" is ambiguous; the caret after the edit says where it really happened.
  if (cursorHint !== undefined) prefix = Math.min(prefix, Math.max(0, cursorHint - Math.max(0, after.length - before.length)));
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair (emoji): widen the splice to whole code points.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** One op of a Y.Text change, as `YTextEvent.delta` reports it. */
export type TextDeltaOp = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where the caret at `pos` ends up after a remote change `delta`: text inserted before it pushes it
 * right, text deleted before it pulls it left. Keeps the caret in place while a colleague types.
 */
export function transformPosition(pos: number, delta: readonly TextDeltaOp[]): number {
  // `at` walks the text as it was before the change, which is what `pos` refers to.
  let at = 0;
  let result = pos;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain !== undefined) {
      at += op.retain;
    } else if (op.insert !== undefined) {
      if (at <= pos) result += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (at < pos) result -= Math.min(op.delete, pos - at);
      at += op.delete;
    }
  }
  return Math.max(0, result);
}
