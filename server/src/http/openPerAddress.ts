/**
 * Open connections per client address (a key from `addressKey`), for caps such as
 * WS_CONNECTIONS_PER_ADDRESS. A connection counts from `add` until the callback it is given fires.
 */
export class OpenPerAddress {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** True when `key` holds `max` connections already. */
  full(key: string): boolean {
    return (this.open.get(key) ?? 0) >= this.max;
  }

  add(key: string, onClosed: (release: () => void) => void): void {
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    let released = false;
    onClosed(() => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    });
  }
}
