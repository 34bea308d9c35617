import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A small real filesystem (tmpfs) mounted for one test file: it fills up and can turn read-only. */
export interface SmallDisk {
  dir: string;
  /** Makes the filesystem read-only under running processes (as a failing disk or an operator would). */
  readOnly(): void;
  readWrite(): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `sizeBytes` at a fresh folder. Needs root (CI runs as root). When it cannot mount,
 * it throws on CI (`CI=true`: a durability test that silently skips proves nothing) and returns the
 * reason elsewhere, so a developer's unprivileged run skips with that message.
 */
export function mountSmallDisk(sizeBytes: number): SmallDisk | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-smalldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    fs.rmdirSync(dir);
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    const reason = `cannot mount a tmpfs (needs root): ${stderr || (err instanceof Error ? err.message.split('\n')[0] : String(err))}`;
    if (process.env.CI === 'true') throw new Error(`${reason}. CI must run this test as root.`, { cause: err });
    return reason;
  }
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
  let mounted = true;
  return {
    dir,
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    unmount() {
      if (!mounted) return;
      mounted = false;
      // Lazy: a server killed a moment ago may still hold the file open for a few milliseconds.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmdirSync(dir);
    },
  };
}
