import { expect, it } from 'vitest';
import { base64Bytes, oversizedBackup } from './importSize.js';

it('counts the bytes base64 text holds', () => {
  for (const n of [0, 1, 2, 3, 4, 100, 1001]) expect(base64Bytes(Buffer.alloc(n, 7).toString('base64'))).toBe(n);
});

it('refuses a backup any of whose documents is larger than a live board may be', () => {
  const b64 = (n: number) => Buffer.alloc(n).toString('base64');
  expect(oversizedBackup({ board: b64(1000), privateDocs: [{ state: b64(1000) }], versions: [{ state: b64(1000) }] }, 1000)).toBeNull();
  expect(oversizedBackup({ board: b64(1001), privateDocs: [], versions: [] }, 1000)).toMatch(/^The board in this backup is 1001 bytes; this server takes boards up to 1000 bytes \(MAX_BOARD_BYTES\)/);
  expect(oversizedBackup({ board: b64(10), privateDocs: [], versions: [{ state: b64(1001) }] }, 1000)).toMatch(/^A named version/);
  expect(oversizedBackup({ board: b64(10), privateDocs: [{ state: b64(1001) }], versions: [] }, 1000)).toMatch(/^A private-notes/);
});
