import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { type RunningServer, type StartOptions, startServer } from './server.js';

export interface BrowserSession {
  /** The built server this test file runs against (started before its tests). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Run after the file's tests, before the browser closes (e.g. closing Yjs clients). */
  readonly cleanups: Array<() => void>;
  /** A page in a new context; an uncaught error in the page fails the test. */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
}

/**
 * One real server and one Chromium for a whole end-to-end test file, with the same set-up and
 * tear-down in every file: call it at the top level of the file.
 */
export function browserSession(serverOptions?: StartOptions): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    server = await startServer(serverOptions);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of cleanups) c();
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet: use it inside a test or hook`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    cleanups,
    async newPage(options) {
      const context = await started(browser, 'Chromium').newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      return page;
    },
  };
}

/** Something a test opened that must be closed when its file is done: a Yjs client, a socket, a control client. */
type Closable = { destroy?: () => void; close?: () => void };

export interface ServerSession {
  /** The built server this test file runs against (started before its tests). */
  readonly server: RunningServer;
  /** Keeps `x` to close after the file's tests (before the server stops) and returns it. */
  track<T extends Closable>(x: T): T;
}

/** One real server for a whole integration test file, and what its tests opened closed after them. */
export function serverSession(serverOptions?: StartOptions): ServerSession {
  let server: RunningServer | undefined;
  const open: Closable[] = [];
  beforeAll(async () => {
    server = await startServer(serverOptions);
  });
  afterAll(async () => {
    for (const x of open) (x.destroy ?? x.close)?.call(x);
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet: use it inside a test or hook');
      return server;
    },
    track: (x) => (open.push(x), x),
  };
}
