/** Branded identifiers, so that a board id can never be passed where an element id is expected. */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type BoardId = Brand<string, 'BoardId'>;
export type ElementId = Brand<string, 'ElementId'>;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of `length` characters from [0-9a-z], drawn from the platform's CSPRNG. */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  // 256 % 36 != 0 gives a tiny bias; irrelevant for ids that only need to be unique and unguessable.
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
}

export const newElementId = (): ElementId => randomId(16) as ElementId;
export const newBoardId = (): BoardId => randomId(20) as BoardId;

/** Board ids are 20 lower-case alphanumerics; anything else is refused before it reaches storage. */
export const BOARD_ID_PATTERN = /^[0-9a-z]{20}$/;
export const isBoardId = (value: string): value is BoardId => BOARD_ID_PATTERN.test(value);
