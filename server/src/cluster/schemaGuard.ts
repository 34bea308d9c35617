/**
 * One board-document schema among the processes that share boards over Redis.
 *
 * A process of an older schema beside a newer one lets old pages write the old layout into boards the
 * newer process has migrated (those elements would no longer show). Nothing in the documents can stop
 * that once both run, so a process refuses to start while a live peer announces another schema, or
 * does not announce one (a release from before this guard). Each process announces its schema in its
 * peer name (`s<version>.<id>`), which the peer set (peerWatch.ts) already lists.
 */

/** A peer name that says which schema its process writes. */
export function peerName(schemaVersion: number, id: string): string {
  return `s${schemaVersion}.${id}`;
}

/** The schema a peer name announces, or null for a name without one (a release before this guard). */
export function peerSchema(name: string): number | null {
  const match = /^s(\d+)\./.exec(name);
  return match ? Number(match[1]) : null;
}

/** The live peers whose schema is not `own` (or unknown). */
export function otherSchemaPeers(live: readonly string[], own: number): Array<{ peer: string; schema: number | null }> {
  return live.map((peer) => ({ peer, schema: peerSchema(peer) })).filter((p) => p.schema !== own);
}

export class SchemaMismatchError extends Error {
  constructor(
    readonly own: number,
    readonly peers: Array<{ peer: string; schema: number | null }>,
  ) {
    const which = peers.map((p) => (p.schema === null ? `${p.peer} (an earlier release, which does not say its schema)` : `${p.peer} (schema ${p.schema})`));
    super(
      `Refusing to start: this version writes board schema ${own}, and ${peers.length === 1 ? 'another process' : `${peers.length} other processes`} on the same Redis ` +
        `still run${peers.length === 1 ? 's' : ''} ${which.join(', ')}. Stop every Sammen process before starting this version ` +
        '(README: upgrades that change the board\'s document schema).',
    );
    this.name = 'SchemaMismatchError';
  }
}

export interface SchemaGuardOptions {
  /** The live peers' names (never this process's own). */
  livePeers(): Promise<string[]>;
  own: number;
  /**
   * How long to wait for mismatched peers to go: a process killed a moment ago stays in the set until
   * its beat expires (three beats), and a stopping one until its shutdown delay ends.
   */
  waitMs: number;
  pollMs?: number;
  log?: { warn(obj: object, msg?: string): void };
}

/**
 * Resolves when no live peer runs another schema; rejects with SchemaMismatchError when one still does
 * after `waitMs`. A peer set that cannot be read (Redis away) does not stop the start: the bus catches
 * up once Redis is back, and the running check (`reportOtherSchemas`) says so loudly.
 */
export async function waitForOneSchema(options: SchemaGuardOptions): Promise<void> {
  const deadline = Date.now() + options.waitMs;
  let warned = false;
  for (;;) {
    let live: string[];
    try {
      live = await options.livePeers();
    } catch (err) {
      options.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read which processes run (Redis away): starting without the schema check');
      return;
    }
    const others = otherSchemaPeers(live, options.own);
    if (others.length === 0) return;
    if (Date.now() >= deadline) throw new SchemaMismatchError(options.own, others);
    if (!warned) {
      warned = true;
      options.log?.warn({ peers: others, waitMs: options.waitMs }, 'processes of another board schema are live: waiting for them to stop');
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}

/**
 * For the running process: names each live peer of another schema once (a process started beside this
 * one without the guard, or while Redis was away).
 */
export function reportOtherSchemas(own: number, log: { error(obj: object, msg?: string): void }): (live: readonly string[]) => void {
  const reported = new Set<string>();
  return (live) => {
    for (const other of otherSchemaPeers(live, own)) {
      if (reported.has(other.peer)) continue;
      reported.add(other.peer);
      log.error(other, 'a process of another board schema shares these boards: stop the older version (README: upgrades that change the board\'s document schema)');
    }
  };
}
