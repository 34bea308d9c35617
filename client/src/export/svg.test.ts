import { describe, expect, it } from 'vitest';
import { COLORS, type Element } from '@sammen/shared';
import { elementsToSvg } from './svg.js';

const common = { index: 'a0', frameId: null };
const frame: Element = { ...common, id: 'f', type: 'frame', x: 0, y: 0, width: 600, height: 400, title: 'Hvad er vigtigt <for> dig?', fill: 'white', variant: 'cluster' };
const note: Element = { ...common, id: 'n', type: 'note', frameId: 'f', x: 20, y: 20, width: 200, height: 200, color: 'yellow', text: 'Flere bænke & skygge ved søen, så ældre kan gå en tur' };
const action: Element = {
  ...common,
  id: 'a',
  type: 'action',
  x: 700,
  y: 0,
  width: 420,
  height: 220,
  what: 'Bænke ved søen',
  who: ['citizen', 'municipality'],
  whoDetail: 'Grundejerforeningen',
  firstStep: 'Gåtur med teknisk forvaltning',
  when: 'Maj',
  sourceId: 'f',
  color: 'white',
};
const arrow: Element = { ...common, id: 'r', type: 'arrow', start: { kind: 'element', elementId: 'n' }, end: { kind: 'element', elementId: 'a' }, color: 'dark' } as Element;

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('elementsToSvg', () => {
  const bounds = { x: -10, y: -30, width: 1140, height: 440 };
  const svg = elementsToSvg([frame, note, arrow, action], bounds, {
    labels: { field: { what: 'Hvad', who: 'Hvem', firstStep: 'Første skridt', when: 'Hvornår' }, actor: (a) => ({ citizen: 'Borgere', municipality: 'Kommunen' })[a as 'citizen'] ?? a, from: (l) => `fra: ${l}` },
  });

  it('is one svg over the bounds, on white', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1140" height="440" viewBox="-10 -30 1140 440">')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<rect x="-10" y="-30" width="1140" height="440" fill="#ffffff"/>');
  });

  it('draws the note in its colour with all of its text, escaped', () => {
    expect(svg).toContain(`fill="${COLORS.yellow.fill}"`);
    const all = texts(svg).join(' ');
    for (const word of (note as { text: string }).text.replace('&', '&amp;').split(' ')) expect(all).toContain(word);
    expect(svg).toContain('Hvad er vigtigt &lt;for&gt; dig?');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it('draws the action card with its labelled rows and where it came from', () => {
    const t = texts(svg);
    for (const s of ['Hvad', 'Hvem', 'Første skridt', 'Hvornår', 'Bænke ved søen', 'Maj', 'fra: Hvad er vigtigt &lt;for&gt; dig?']) expect(t).toContain(s);
    expect(t.join(' ')).toContain('Borgere, Kommunen, Grundejerforeningen');
  });

  it('draws arrows between the elements they connect', () => {
    expect(svg).toMatch(/<line x1="[\d.]+" y1="[\d.]+" x2="700" y2="[\d.]+" stroke="#/);
    expect(svg).toContain('<polygon points="700,');
  });

  it('balances its tags', () => {
    const opened = (svg.match(/<(text|svg)\b/g) ?? []).length;
    const closed = (svg.match(/<\/(text|svg)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });
});
