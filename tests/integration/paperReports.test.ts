import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionCard, COLORS, type Element, type Frame, type StickyNote } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { seedBoard } from '../harness/yclient.js';

// The paper formats (tagged PDF, Word) of a scripted workshop, read back with independent readers:
// pdfjs (structure tree), poppler (text, pixels) and the .docx's own XML.
const TRICKY = 'Mere <b>grønt</b> & "bænke", tak; æøå ÆØÅ';
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-paper-'));

const frame = (id: string, x: number, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x, y: 0, width: 1200, height: 800, title, fill: 'white', ...extra,
});
const note = (id: string, text: string, frameId: string | null, x: number, y = 140): StickyNote => ({
  id, type: 'note', index: `b${id}`, frameId, x, y, width: 200, height: 200, color: 'yellow', text,
});
const NOTES = [TRICKY, 'Flere træer', 'Cykelsti til skolen', 'Lys på stien', 'Bænke ved søen'];
const CLUSTERS = ['Grønne områder', 'Trafik og skolevej'];

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { language: 'da', title: 'Borgerpanel: grønne områder' });
  const elements: Element[] = [
    frame('f1', 0, 'Hvad er vigtigt for dig?'),
    note('n1', NOTES[0]!, 'c1', 40),
    note('n2', NOTES[1]!, 'c1', 260),
    note('n3', NOTES[2]!, 'c2', 640),
    note('n4', NOTES[3]!, 'c2', 860),
    note('n5', NOTES[4]!, 'f1', 40, 500),
    // Clusters are made around notes that exist, so they lie above them in z-order (index 'z…').
    frame('c1', 20, CLUSTERS[0]!, { variant: 'cluster', frameId: 'f1', x: 20, y: 80, width: 500, height: 300, index: 'zc1' }),
    frame('c2', 620, CLUSTERS[1]!, { variant: 'cluster', frameId: 'f1', x: 620, y: 80, width: 500, height: 300, index: 'zc2' }),
  ];
  const action: ActionCard = {
    id: 'a1', type: 'action', index: 'c0', frameId: null, x: 0, y: 1000, width: 420, height: 220, color: 'white',
    what: 'Plant 100 træer', who: ['citizen', 'municipality'], whoDetail: 'Grundejerforeningen', firstStep: 'Møde i marts', when: 'Forår 2027', sourceId: 'c1',
  };
  const emptyAction: ActionCard = { ...action, id: 'a2', index: 'c1', y: 1300, what: '', who: [], whoDetail: '', firstStep: '', when: '', sourceId: null };
  (await seedBoard(server.wsUrl, w.boardId, [...elements, action, emptyAction], w.facilitatorToken)).destroy();

  fac = await connectControl(server.url, w.facilitatorToken);
  const steps = [{ id: 's1', title: 'Hvad er vigtigt for dig?', participantText: 'Skriv', facilitatorNotes: '', minutes: 10, frameId: 'f1', level: 'consult', promise: 'Byrådet får jeres prioriteringer', private: false }];
  expect(await fac.run({ type: 'agenda.set', steps })).toEqual({ ok: true });
  const a = await connectControl(server.url, await join(server, w.joinCode, 'Alice'));
  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'n2', 'n3'], dotsPerPerson: 3, allowMultiplePerElement: true, title: 'Prioritering' })).toEqual({ ok: true });
  for (const id of ['n1', 'n1', 'n3']) expect(await a.run({ type: 'vote.place', elementId: id })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
  a.close();
});
afterAll(async () => {
  fac?.close();
  await server.stop();
});

async function download(format: string): Promise<{ res: Response; file: string }> {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
  expect(res.status).toBe(200);
  const file = path.join(dir, `report.${format}`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { res, file };
}

interface StructNode { role?: string; alt?: string; children?: StructNode[] }
const walk = (n: StructNode, out: StructNode[] = []): StructNode[] => {
  if (n.role) out.push(n);
  for (const c of n.children ?? []) walk(c, out);
  return out;
};

/** Reads a binary PPM (P6) from pdftoppm: width, height and RGB bytes. */
function readPpm(buf: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = buf.subarray(0, 40).toString('latin1').split(/\s+/);
  const [, width, height, max] = header.map(Number);
  const offset = buf.indexOf(`${max}\n`, 0, 'latin1') + `${max}\n`.length;
  return { width: width!, height: height!, rgb: buf.subarray(offset) };
}

/** One file out of a zip (a .docx is one), by its central directory; no unzip program needed. */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const [method, size, nameLen, extraLen, commentLen, local] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32), zip.readUInt32LE(at + 42)];
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} is not in the zip`);
}

describe('PDF report (tagged)', () => {
  it('has a structure tree with headings, lists, tables and figures with alt text; language and title set', async () => {
    const { res, file } = await download('pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = fs.readFileSync(file);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Lang \(da\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe('Workshoprapport: Borgerpanel: grønne områder');
    const nodes: StructNode[] = [];
    for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) as StructNode, nodes);
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles, role).toContain(role);
    const figures = nodes.filter((n) => n.role === 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.alt).toMatch(/Hvad er vigtigt for dig\?.*5 sedler.*Grønne områder, Trafik og skolevej/);
    expect(pdf.numPages, 'a small workshop is a short paper').toBeLessThanOrEqual(3);
    await pdf.destroy();
  });

  it('contains every note, cluster, vote count and filled action as text, and nothing of the empty card', async () => {
    const { file } = await download('pdf');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [...NOTES, ...CLUSTERS, 'Plant 100 træer', 'Grundejerforeningen', 'Møde i marts', 'Forår 2027', '(2 prikker)', '(1 prik)']) expect(text).toContain(expected);
    expect(text).not.toMatch(/Hvem: *\//);
    expect(text).not.toContain('()');
  });

  it('draws the notes inside the board picture (the note colour fills part of the figure on the appendix page)', async () => {
    const { file } = await download('pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const out = path.join(dir, 'last');
    execFileSync('pdftoppm', ['-r', '40', '-f', String(pages), '-l', String(pages), '-singlefile', file, out]);
    const { width, height, rgb } = readPpm(fs.readFileSync(`${out}.ppm`));
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(COLORS.yellow.fill.slice(i, i + 2), 16)) as [number, number, number];
    let yellow = 0;
    for (let p = 0; p < width * height; p++) {
      if (Math.abs(rgb[p * 3]! - r) < 6 && Math.abs(rgb[p * 3 + 1]! - g) < 6 && Math.abs(rgb[p * 3 + 2]! - b) < 6) yellow++;
    }
    // Five 200×200 notes in a 1200-wide frame drawn ~470 pt wide at 40 dpi: each about 43×43 px.
    expect(yellow).toBeGreaterThan(5 * 30 * 30);
    const pictureText = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    expect(pictureText).toContain('Flere træer');
  });
});

describe('letter to participants (PDF)', () => {
  it('is tagged like the report and holds the themes, what came first and the agreed action', async () => {
    const { res, file } = await download('letter-pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = fs.readFileSync(file);
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(da\)/);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
    expect(pdf.numPages, 'a letter is a page or two').toBeLessThanOrEqual(2);
    const roles = new Set<string | undefined>();
    for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) as StructNode).forEach((n) => roles.add(n.role));
    for (const role of ['H1', 'H2', 'P', 'L', 'LI']) expect(roles, role).toContain(role);
    await pdf.destroy();
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [...CLUSTERS, 'Plant 100 træer', 'Møde i marts', 'Byrådet får jeres prioriteringer']) expect(text).toContain(expected);
  });
});

describe('Word report (.docx)', () => {
  it('is served as a Word document with real headings, lists, a table and every note, cluster and action', async () => {
    const { res, file } = await download('docx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.docx"/);
    const xml = readZipEntry(fs.readFileSync(file), 'word/document.xml');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
      list: p.includes('<w:numPr>'),
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
    }));
    const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['Borgerpanel: grønne områder']);
    expect(styled('Heading1')).toEqual(expect.arrayContaining(['Resumé', 'Hvad deltagerne sagde', 'Prioriteringer', 'Aftalte handlinger', 'Deltagelsesniveau']));
    expect(styled('Heading2')).toContain('1. Grønne områder (2 sedler, 2 prikker)');
    const listItems = paragraphs.filter((p) => p.list).map((p) => p.text);
    for (const n of NOTES) expect(listItems.some((t) => t.startsWith(n)), n).toBe(true);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    const all = paragraphs.map((p) => p.text).join('\n');
    for (const expected of [...CLUSTERS, 'Plant 100 træer', 'Grundejerforeningen', 'Møde i marts', 'Forår 2027']) expect(all).toContain(expected);
    expect(all).not.toContain('()');
    // The board picture: SVG with the notes (PNG fallback beside it) and the model's alt text as its description.
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Billede af rammen &quot;Hvad er vigtigt for dig\?&quot;[^"]*5 sedler/);
    const svg = readZipEntry(fs.readFileSync(file), 'word/media/image1.svg');
    for (const n of ['Flere træer', 'Lys på stien']) expect(svg).toContain(n);
    expect(readZipEntry(fs.readFileSync(file), 'word/media/image1.png').length).toBeGreaterThan(0);
    const settings = readZipEntry(fs.readFileSync(file), 'docProps/core.xml');
    expect(settings).toContain('Workshoprapport: Borgerpanel: grønne områder');
  });
});
