/** One thing the process needs to serve: the store, Redis. Resolves when it answers, rejects otherwise. */
export interface ReadinessCheck {
  name: string;
  run(): Promise<void>;
  /**
   * False for what the process can serve without (Redis: boards and workshops still open, store and
   * answer; only other processes hear of changes later). Such a check failing makes the process
   * `degraded`, still ready: every replica shares the one Redis, so failing readiness for it would
   * take the whole cluster out of the load balancer at once. Default true.
   */
  required?: boolean;
}

/**
 * `error` says only `timeout` or `failed`: the endpoint is public, and the cause (a database address, a
 * driver's message) goes to the log instead.
 */
export type CheckResult = { ok: true; ms: number } | { ok: false; error: 'timeout' | 'failed' };

/** The body of `GET /health/ready`. */
export interface ReadinessReport {
  /**
   * `ready` (200); `degraded` (200): only checks that are not required failed; `unavailable`: a
   * required check failed (503); `stopping`: SIGTERM received (503).
   */
  status: 'ready' | 'degraded' | 'unavailable' | 'stopping';
  /** The names of the checks that failed (`shutdown` while stopping). */
  failed: string[];
  checks: Record<string, CheckResult>;
}

/** How long one check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = 2000;

/**
 * Whether this process should get new connections: every check answered within the timeout, and no
 * shutdown has begun. A check runs at most once at a time: while the store hangs, probes arriving every
 * few seconds wait for the same run (and report it as timed out) instead of piling up queries.
 */
export class Readiness {
  private stopping = false;
  private readonly running = new Map<string, Promise<void>>();
  /** Checks failing at the last probe, so a failure is logged once when it starts, not at every probe. */
  private readonly failing = new Set<string>();

  constructor(
    private readonly checks: readonly ReadinessCheck[],
    private readonly options: {
      timeoutMs?: number;
      /** A check began failing (`err` its cause) or (`err` null) answers again. */
      onChange?: (name: string, err: Error | null) => void;
    } = {},
  ) {}

  /** From now on not ready, at once and whatever the checks say (the load balancer stops sending). */
  stop(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async report(): Promise<ReadinessReport> {
    if (this.stopping) return { status: 'stopping', failed: ['shutdown'], checks: {} };
    const results = await Promise.all(this.checks.map(async (check) => [check.name, await this.run(check)] as const));
    const failed = results.filter(([, result]) => !result.ok).map(([name]) => name);
    // A SIGTERM that came while the checks ran wins.
    if (this.stopping) return { status: 'stopping', failed: ['shutdown', ...failed], checks: Object.fromEntries(results) };
    const required = new Set(this.checks.filter((c) => c.required !== false).map((c) => c.name));
    const status = failed.some((name) => required.has(name)) ? 'unavailable' : failed.length ? 'degraded' : 'ready';
    return { status, failed, checks: Object.fromEntries(results) };
  }

  private async run(check: ReadinessCheck): Promise<CheckResult> {
    const started = Date.now();
    let pending = this.running.get(check.name);
    if (!pending) {
      const run = Promise.resolve().then(() => check.run());
      pending = run;
      this.running.set(check.name, run);
      const forget = () => {
        if (this.running.get(check.name) === run) this.running.delete(check.name);
      };
      run.then(forget, forget);
    }
    const timeoutMs = this.options.timeoutMs ?? READINESS_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`${check.name}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([pending, timeout]);
      if (this.failing.delete(check.name)) this.options.onChange?.(check.name, null);
      return { ok: true, ms: Date.now() - started };
    } catch (err) {
      if (!this.failing.has(check.name)) {
        this.failing.add(check.name);
        this.options.onChange?.(check.name, err instanceof Error ? err : new Error(String(err)));
      }
      return { ok: false, error: err instanceof TimedOut ? 'timeout' : 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }
}

class TimedOut extends Error {}
