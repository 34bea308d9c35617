import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The design tokens hold: every stylesheet uses only tokens that exist (a misspelt `var(--colour-text)`
 * silently falls back to nothing), no stylesheet but tokens.css writes a colour literally, and the
 * colour pairs tokens.css promises meet WCAG 2.2 AA, computed from the values it really has.
 */

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKENS = path.join(SRC, 'ui', 'tokens.css');

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return cssFiles(p);
    return d.name.endsWith('.css') ? [p] : [];
  });
}

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
const files = cssFiles(SRC).map((f) => ({ file: path.relative(SRC, f), css: stripComments(fs.readFileSync(f, 'utf8')) }));
const tokensCss = stripComments(fs.readFileSync(TOKENS, 'utf8'));

/** The custom properties tokens.css declares in :root, with their values (the first declaration). */
function tokenValues(): Map<string, string> {
  const root = /:root\s*{([^}]*)}/.exec(tokensCss)?.[1] ?? '';
  const values = new Map<string, string>();
  for (const m of root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) if (!values.has(m[1]!)) values.set(m[1]!, m[2]!.trim());
  return values;
}

function hex(value: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(value);
  if (!m) throw new Error(`${value} is not a #rrggbb colour`);
  const n = parseInt(m[1]!, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** WCAG 2.x relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (c: string) =>
    hex(c)
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('design tokens', () => {
  it('every var(--…) a stylesheet uses is declared (in tokens.css or in that stylesheet)', () => {
    const global = new Set(tokenValues().keys());
    const missing: string[] = [];
    for (const { file, css } of files) {
      const local = new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!));
      css.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/var\(\s*(--[\w-]+)/g)) if (!global.has(m[1]!) && !local.has(m[1]!)) missing.push(`${file}:${i + 1} ${m[1]}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('no stylesheet but tokens.css writes a colour literally', () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab)\(/i;
    const found: string[] = [];
    for (const { file, css } of files) {
      if (file === path.join('ui', 'tokens.css')) continue;
      css.split('\n').forEach((line, i) => {
        if (literal.test(line)) found.push(`${file}:${i + 1} ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the colour pairs tokens.css promises meet WCAG AA', () => {
    const t = tokenValues();
    const v = (name: string) => {
      const value = t.get(name);
      if (!value) throw new Error(`${name} is not a token`);
      return value;
    };
    // [foreground, background, minimum]: 4.5 for text, 3 for field edges and the focus ring.
    const pairs: Array<[string, string, number]> = [
      ['--color-text', '--color-surface', 4.5],
      ['--color-text', '--color-surface-sunken', 4.5],
      ['--color-text', '--color-surface-hover', 4.5],
      ['--color-text', '--color-highlight', 4.5],
      ['--color-text', '--color-highlight-strong', 4.5],
      ['--color-text-muted', '--color-surface', 4.5],
      ['--color-text-muted', '--color-surface-sunken', 4.5],
      ['--color-text-muted', '--color-surface-hover', 4.5],
      ['--color-accent', '--color-surface', 4.5],
      ['--color-accent', '--color-accent-subtle', 4.5],
      ['--color-accent', '--color-accent-muted', 4.5],
      ['--color-on-accent', '--color-accent', 4.5],
      ['--color-on-accent', '--color-accent-hover', 4.5],
      ['--color-danger', '--color-surface', 4.5],
      ['--color-text-inverse', '--color-danger', 4.5],
      ['--color-danger-ink', '--color-danger-subtle', 4.5],
      ['--color-success', '--color-surface', 4.5],
      ['--color-success-ink', '--color-success-subtle', 4.5],
      ['--color-warning-ink', '--color-warning-subtle', 4.5],
      ['--color-warning-ink', '--color-highlight', 4.5],
      ['--color-text-inverse', '--color-surface-inverse', 4.5],
      ['--color-text-inverse', '--color-private', 4.5],
      ['--color-border-strong', '--color-surface', 3],
      ['--color-focus', '--color-surface', 3],
      ['--color-focus', '--color-surface-sunken', 3],
    ];
    const failing = pairs
      .map(([fg, bg, min]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(v(fg), v(bg)) * 100) / 100, min }))
      .filter((p) => p.ratio < p.min);
    expect(failing).toEqual([]);
  });

  it('the contrast check can fail (a pale grey on white is caught)', () => {
    expect(contrast('#d6d9e0', '#ffffff')).toBeLessThan(3);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
