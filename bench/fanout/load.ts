/** The coordinator's side of the load processes (bench/fanout/loadProcess.ts): fork, ask, wait for the answer. */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerKind } from './client.ts';
import type { FromLoad, ToLoad } from './loadProcess.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export class LoadProcess {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(path.join(HERE, 'loadProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  ask<T extends FromLoad['type']>(message: ToLoad, answer: T): Promise<Extract<FromLoad, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (reply: FromLoad) => {
        if (reply.type !== answer) return;
        this.child.off('message', onMessage);
        resolve(reply as Extract<FromLoad, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.send(message);
    });
  }

  kill(): void {
    this.child.kill();
  }
}

const shares = (processes: number, clients: number): number[] =>
  Array.from({ length: processes }, (_, i) => Math.floor(clients / processes) + (i < clients % processes ? 1 : 0));

/** The element id of each client's note, as the load processes name them. */
export function clientNoteIds(processes: number, clients: number): string[] {
  return shares(processes, clients).flatMap((n, i) => Array.from({ length: n }, (_, j) => `p${i}c${j}`));
}

/** Connects `clients` clients spread evenly over the load processes; returns how many synced. */
export async function connectAll(
  loads: LoadProcess[],
  kind: ServerKind,
  target: { urls: string[]; docNames: string[] },
  clients: number,
  t0: number,
): Promise<number> {
  const share = shares(loads.length, clients);
  const answers = await Promise.all(
    loads.map((l, i) => l.ask({ type: 'connect', kind, ...target, clients: share[i]!, idPrefix: `p${i}c`, t0 }, 'connected')),
  );
  return answers.reduce((sum, a) => sum + a.synced, 0);
}
