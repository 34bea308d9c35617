import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No UI string is written into the components: every JSX text child and every string in an
 * `aria-label`, `title`, `placeholder` or `alt` attribute (plain, in braces, or the fixed parts of a
 * template) must come from a translation call. Punctuation, numbers, emoji and symbols are fine, and
 * so are the words in ALLOWED below. Fails listing file:line and the text.
 */

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext']);

/**
 * Words that are the same in every language of the UI, each with why:
 * - key names shown in shortcut hints ("Duplicate (Ctrl+D)"): printed on the keys themselves;
 * - "Sammen": the product's name.
 * Single capital letters are allowed too: they are key names in hints ("(N)").
 */
const ALLOWED = ['Ctrl', 'Shift', 'Alt', 'Cmd', 'Delete', 'Enter', 'Esc', 'Tab', 'Sammen'];

function hasWords(text: string): boolean {
  let rest = text;
  for (const w of ALLOWED) rest = rest.replaceAll(w, ' ');
  rest = rest.replace(/\b\p{Lu}\b/gu, ' ');
  return /\p{L}/u.test(rest);
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return d.name.endsWith('.tsx') && !d.name.includes('.test.') ? [p] : [];
  });
}

/** The fixed (non-interpolated) text of a string-ish expression, or null when it is computed. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((p): p is string => p !== null);
    return parts.length ? parts.join(' ') : null;
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

function findHardcoded(fileName: string, source: string): Array<{ line: number; text: string }> {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Array<{ line: number; text: string }> = [];
  const report = (node: ts.Node, text: string): void => {
    if (hasWords(text)) out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null) report(node, text);
    } else if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) && init.expression ? literalText(init.expression) : null;
      if (text !== null) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('no hard-coded UI strings', () => {
  it('finds text, attributes and templates, and lets punctuation, numbers, emoji and key names through', () => {
    const found = findHardcoded(
      'x.tsx',
      `const a = <p title="Hello" aria-label={'Close'} placeholder={\`Type \${x}\`}>Some text {'more'} {t('ok')} · 3 – 👍 ({n}) <b alt={t('x')} title={\`\${t('dup')} (Ctrl+D)\`} /> (N)</p>;`,
    );
    expect(found.map((f) => f.text)).toEqual(['Hello', 'Close', 'Type', 'Some text', 'more']);
  });

  it('client/src/**/*.tsx has none', () => {
    const problems = files(SRC).flatMap((f) => findHardcoded(f, fs.readFileSync(f, 'utf8')).map((p) => `${path.relative(SRC, f)}:${p.line}: ${JSON.stringify(p.text)}`));
    expect(problems).toEqual([]);
  });
});
