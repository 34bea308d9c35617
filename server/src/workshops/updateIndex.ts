import type * as Y from 'yjs';

type AnyId = { client: number; clock: number };

/** The structs of a decoded update, by client and clock (binary search: updates can hold 100,000 items). */
export class UpdateIndex {
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  private readonly all = new Set<unknown>();
  constructor(structs: Array<Y.Item | Y.GC | Y.Skip>) {
    for (const s of structs) {
      this.all.add(s);
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }
  has(struct: unknown): boolean {
    return this.all.has(struct);
  }
  find(id: AnyId): Y.Item | Y.GC | Y.Skip | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
}
