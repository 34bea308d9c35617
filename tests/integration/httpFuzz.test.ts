import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { sealBackup } from '../../server/src/outputs/backupFile.js';
import { openSqliteStorage } from '../../server/src/store/SqliteStorage.js';
import { dbFingerprint } from '../harness/dbRows.js';
import { bodyArb, mutate, mutationArb, parseRouteTree, toPayload } from '../harness/fuzz.js';

/**
 * Property: whatever bytes a client sends to any POST or PATCH route, the answer is 2xx or a 4xx with
 * the JSON error shape (never 500), and a refused request stores nothing. In-process through
 * `app.inject()` against the real app and a real SQLite store, so thousands of requests fit in seconds.
 */
type Body = { kind: 'json'; value: unknown } | { kind: 'text'; value: string };

const OWNER = 'owner-key-for-the-fuzz-test';
const RUNS = 60;

describe('HTTP bodies, fuzzed', () => {
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  let dataDir: string;
  let workshop: { id: string; boardId: string; facilitatorToken: string; joinCode: string };
  let templateId: string;
  let firstFrameId: string;
  let templateFile: unknown;
  let backup: { content: unknown };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-fuzz-'));
    const unlimited = Object.fromEntries(
      ['BOARDS', 'WORKSHOPS', 'IMPORTS', 'TEMPLATES'].flatMap((n) => [[`${n}_PER_ADDRESS_PER_HOUR`, '10000000'], [`${n}_PER_HOUR`, '10000000']]),
    );
    const config = loadConfig({ DATA_DIR: dataDir, CLIENT_DIR: '', ...unlimited });
    ({ app } = await buildApp({ config, storage: openSqliteStorage(dataDir), logger: false }));
    await app.ready();
    workshop = (await app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Fuzz', language: 'da', template: 'citizen-conversation' } })).json();
    const template = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../server/templates/citizen-conversation.json'), 'utf8')) as { elements: Array<{ id: string; type: string }> };
    firstFrameId = template.elements.find((e) => e.type === 'frame')!.id;
    templateFile = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../server/templates/citizen-conversation.json'), 'utf8'));
    const saved = await app.inject({ method: 'POST', url: '/api/templates', headers: { 'x-owner-key': OWNER }, payload: templateFile as object });
    expect(saved.statusCode).toBe(201);
    templateId = saved.json<{ id: string }>().id;
    const exported = await app.inject({ method: 'GET', url: `/api/workshops/${workshop.id}/export`, headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
    expect(exported.statusCode).toBe(200);
    backup = exported.json();
  });
  afterAll(() => app.close());

  let requests = 0;
  const facilitator = () => ({ authorization: `Bearer ${workshop.facilitatorToken}` });

  /** Sends one body and checks the property; returns the status. */
  async function send(method: 'POST' | 'PATCH', url: string, headers: Record<string, string>, body: Body): Promise<number> {
    const before = dbFingerprint(dataDir);
    const payload = toPayload(body);
    // A new client address for each request, so that the wrong-code lockout does not end the fuzzing early.
    requests += 1;
    const remoteAddress = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
    const res = await app.inject({ method, url, remoteAddress, headers: { 'content-type': 'application/json', ...headers }, payload });
    expect(res.statusCode, `${method} ${url} ${payload.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const answer = res.json<{ error: unknown; message: unknown }>();
      expect(typeof answer.error, payload.slice(0, 300)).toBe('string');
      expect(typeof answer.message).toBe('string');
      expect(dbFingerprint(dataDir), `refused ${method} ${url} stored something: ${payload.slice(0, 300)}`).toBe(before);
    }
    return res.statusCode;
  }

  /** Each POST/PATCH route with a valid body to mutate and the headers it needs. */
  const targets = (): Array<{ method: 'POST' | 'PATCH'; url: string; route: string; headers: Record<string, string>; valid: unknown }> => [
    { method: 'POST', url: '/api/boards', route: '/api/boards', headers: {}, valid: { title: 'Borgerpanel' } },
    { method: 'POST', url: '/api/workshops', route: '/api/workshops', headers: {}, valid: { title: 'Borgerpanel', language: 'nb', template: 'innovation-lab', facilitatorName: 'Kari', retentionDays: 30, place: 'Rådhuset', question: 'Hva er viktig?' } },
    { method: 'POST', url: '/api/join', route: '/api/join', headers: {}, valid: { code: workshop.joinCode, name: 'Ola' } },
    { method: 'POST', url: '/api/join/info', route: '/api/join/info', headers: {}, valid: { code: workshop.joinCode } },
    { method: 'POST', url: '/api/templates', route: '/api/templates', headers: { 'x-owner-key': OWNER }, valid: templateFile },
    { method: 'PATCH', url: `/api/templates/${templateId}`, route: '/api/templates/:id', headers: { 'x-owner-key': OWNER }, valid: { title: 'Nyt navn' } },
    { method: 'POST', url: `/api/workshops/${workshop.id}/template`, route: '/api/workshops/:id/template', headers: { 'x-owner-key': OWNER, ...facilitator() }, valid: { title: 'Min skabelon', description: 'x' } },
    { method: 'POST', url: `/api/workshops/${workshop.id}/versions`, route: '/api/workshops/:id/versions', headers: facilitator(), valid: { name: 'Før pausen' } },
    { method: 'POST', url: '/api/workshops/import', route: '/api/workshops/import', headers: {}, valid: backup },
    // The body is not read (the frame's notes are); whatever arrives must still get a 2xx or a 4xx.
    { method: 'POST', url: `/api/workshops/${workshop.id}/frames/${firstFrameId}/suggested-groups`, route: '/api/workshops/:id/frames/:frameId/suggested-groups', headers: facilitator(), valid: {} },
  ];

  it('covers every POST and PATCH route the app has', () => {
    const routes = parseRouteTree(app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.method === 'POST' || r.method === 'PATCH')
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.sort()).toEqual(targets().map((t) => `${t.method} ${t.route}`).sort());
  });

  for (const name of ['/api/boards', '/api/workshops', '/api/join', '/api/join/info', '/api/templates', '/api/templates/:id', '/api/workshops/:id/template', '/api/workshops/:id/versions', '/api/workshops/import']) {
    it(`${name}: 2xx or a 4xx JSON error, and nothing stored when refused`, async () => {
      const target = targets().find((t) => t.route === name)!;
      await fc.assert(
        fc.asyncProperty(bodyArb(target.valid), async (body) => {
          await send(target.method, target.url, target.headers, body);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('backup files whose content is mutated and then sealed with a correct checksum: imported or refused, never half-written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const content = mutate(backup.content, mutations.filter((m) => m.op !== 'deep'));
        const sealed = content === undefined ? {} : sealBackup(content as never);
        await send('POST', '/api/workshops/import', {}, { kind: 'json', value: sealed });
      }),
      { numRuns: RUNS },
    );
  });

  it('the server still answers normally afterwards', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Efter' } })).statusCode).toBe(201);
    // Every upload the fuzzing sent has finished and freed its place (UPLOADS_AT_ONCE): a good file imports.
    expect((await app.inject({ method: 'POST', url: '/api/workshops/import', payload: backup as object })).statusCode).toBe(201);
  });
});
