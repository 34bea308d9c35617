import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@sammen/shared';

/** A bearer token: 32 random bytes, base64url (43 characters). Shown once, stored as a hash. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 is enough for 256-bit random tokens: there is nothing to brute-force, unlike passwords. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A join code from the unambiguous alphabet, uniformly drawn. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
