import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';

/**
 * Whether nginx is here. When it is not: on CI (`CI=true`) this throws (scripts/ensure-test-tools.mjs
 * installs it); elsewhere it returns the reason to skip with.
 */
export function checkNginx(): true | string {
  if (fs.existsSync(NGINX)) return true;
  const reason = `nginx is missing (${NGINX}; apt-get install nginx-light)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must have it for this test`);
  return reason;
}

export interface RunningProxy {
  url: string;
  wsUrl: string;
  stop(): Promise<void>;
}

/**
 * nginx with the repository's `deploy/nginx.conf` in front of processes on `ports`: the file as it is,
 * except its `listen` line (a free port on 127.0.0.1, no TLS) and its upstream `server` lines (these
 * ports, with the file's own parameters). Runs in the foreground in a temp folder, as any user.
 */
export async function startNginx(ports: number[]): Promise<RunningProxy> {
  const site = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/m.exec(site);
  if (!serverLine || !/^\s*listen .*;.*$/m.test(site)) throw new Error('deploy/nginx.conf has no upstream server or listen line to point at the test processes');
  const port = await freePort();
  const servers = ports.map((p) => `${serverLine[1]}server 127.0.0.1:${p}${serverLine[2] ?? ''};\n`).join('');
  const adapted = site
    .replace(/^\s*server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm, '')
    .replace(/^(\s*)least_conn;\n/m, (line) => line + servers)
    .replace(/^\s*listen .*;.*$/m, `  listen 127.0.0.1:${port};`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-nginx-'));
  fs.writeFileSync(path.join(dir, 'site.conf'), adapted);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      'error_log stderr warn;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`nginx exited with ${code}: ${stderr}`))));
  exited.catch(() => {});
  // Listening once it answers (any status: the upstreams may not be ready for it yet).
  const end = Date.now() + 10_000;
  for (;;) {
    const up = await Promise.race([fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false), exited]);
    if (up) break;
    if (Date.now() > end) throw new Error(`nginx did not listen on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGQUIT');
      }),
  };
}
