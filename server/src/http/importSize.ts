/** Bytes that base64 text decodes to, without decoding it. */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

const MiB = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

/**
 * Why a checked backup may not be imported on this server, or null: every document in it (the board,
 * private notes, named versions) must fit `maxBoardBytes`, the same limit a live board has, so that an
 * import cannot create what no client could have written.
 */
export function oversizedBackup(
  content: { board: string; privateDocs: ReadonlyArray<{ state: string }>; versions: ReadonlyArray<{ state: string }> },
  maxBoardBytes: number,
): string | null {
  const parts: Array<[string, string]> = [
    ['The board', content.board],
    ...content.privateDocs.map((p): [string, string] => ['A private-notes document', p.state]),
    ...content.versions.map((v): [string, string] => ['A named version', v.state]),
  ];
  for (const [what, state] of parts) {
    const bytes = base64Bytes(state);
    if (bytes > maxBoardBytes) {
      return `${what} in this backup is ${MiB(bytes)}; this server takes boards up to ${MiB(maxBoardBytes)} (MAX_BOARD_BYTES). Nothing was imported.`;
    }
  }
  return null;
}
