/**
 * `npm run examples`: the PDF and Word report of a real-sized workshop, for docs/examples/. It builds
 * nothing (run `npm run build` first): it starts the built server on a fresh data folder, creates a
 * Danish co-creation workshop, lets 30 citizens join by code, puts 150 notes in 5 clusters on the board,
 * runs the agenda, a dot vote (3 dots each) and fills 6 action cards (plus two left empty, as templates
 * bring them), then downloads the reports through the API the app uses and writes:
 *
 *   docs/examples/report-da.pdf, report-da.docx   the reports
 *   docs/examples/report-da-pdf-page1.png          the PDF's first page (pdftoppm, poppler-utils)
 *   docs/examples/report-da-pdf-appendix.png       the PDF's last page: the board picture
 *   docs/examples/letter-da.pdf, letter-da-page1.png  the letter to participants (tagged PDF)
 *   docs/examples/report-da-docx-page1.png         the Word file's first page (only where LibreOffice is installed)
 *
 * Options: `-- --out=<folder>`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActionCard, type ColorName, type Element, type Frame, type StickyNote, getElements, insertElement } from '../shared/src/index.ts';
import { connectControl, createWorkshop, join as joinWorkshop } from '../tests/harness/control.ts';
import { startServer } from '../tests/harness/server.ts';
import { connectClient, synced, waitForDoc } from '../tests/harness/yclient.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'docs/examples');

// Five themes, each 6 subjects × 5 places = 30 notes: 150 different notes, as a real wall of them reads.
const THEMES: Array<{ label: string; color: ColorName; subjects: string[]; places: string[] }> = [
  { label: 'Grønne områder', color: 'green', subjects: ['Flere træer', 'Bænke i skyggen', 'En blomstereng', 'Frugttræer alle må plukke fra', 'Plads til en fælleshave', 'Mindre slået græs'], places: ['i Søndermarken', 'ved søen', 'langs stien til skolen', 'ved plejecentret', 'mellem boligblokkene'] },
  { label: 'Trafik og sikker skolevej', color: 'blue', subjects: ['Lavere fart', 'En cykelsti', 'Bedre lys', 'Et fodgængerfelt', 'Færre parkerede biler', 'Skolepatrulje'], places: ['på Skolevej', 'ved hallen', 'i krydset ved Netto', 'om morgenen', 'om vinteren'] },
  { label: 'Fællesskab og foreninger', color: 'yellow', subjects: ['Et sted at mødes', 'Fællesspisning', 'Lån af foreningslokaler', 'Arrangementer for nye tilflyttere', 'Frivillige der tager ansvar', 'En opslagstavle'], places: ['i medborgerhuset', 'om sommeren', 'for børnefamilier', 'på tværs af generationer', 'en gang om måneden'] },
  { label: 'Ældre og ensomhed', color: 'pink', subjects: ['Besøgsvenner', 'Gåture i fællesskab', 'Hjælp til det digitale', 'Kørsel til aktiviteter', 'Kaffe og snak', 'Kontakt til naboerne'], places: ['for dem der bor alene', 'i weekenden', 'med skoleelever', 'via biblioteket', 'med ældresagen'] },
  { label: 'Kultur og bibliotek', color: 'orange', subjects: ['Længere åbent', 'Koncerter', 'Lektiecafé', 'Værksted for unge', 'Udstillinger af lokal kunst', 'Fortællinger om byen'], places: ['på biblioteket', 'i parken', 'i de gamle stalde', 'om aftenen', 'for alle aldre'] },
];
const ACTIONS: Array<Pick<ActionCard, 'what' | 'who' | 'whoDetail' | 'firstStep' | 'when'> & { theme: number }> = [
  { theme: 0, what: 'Plante 100 træer og lave en blomstereng i Søndermarken', who: ['citizen', 'municipality'], whoDetail: 'Grundejerforeningen Søndermarken', firstStep: 'Plantedag med naboerne', when: 'Foråret 2027' },
  { theme: 1, what: 'Sikker skolevej: 40 km/t og lys på Skolevej', who: ['municipality', 'politicians'], whoDetail: 'Teknik- og Miljøudvalget', firstStep: 'Trafiktælling og forslag til udvalget', when: 'Budget 2028' },
  { theme: 2, what: 'Fællesspisning i medborgerhuset hver måned', who: ['association', 'citizen'], whoDetail: 'Beboerforeningen', firstStep: 'Finde tre frivillige kokke', when: 'Fra september' },
  { theme: 3, what: 'Besøgsvenner og fælles gåture for ældre, der bor alene', who: ['association', 'municipality'], whoDetail: 'Ældre Sagen lokalt', firstStep: 'Møde mellem forening og hjemmeplejen', when: 'Inden sommerferien' },
  { theme: 4, what: 'Lektiecafé og værksted for unge på biblioteket', who: ['municipality', 'business'], whoDetail: 'Biblioteket og Brugsen', firstStep: 'Prøveperiode på 8 uger', when: 'Efteråret 2026' },
  { theme: 0, what: 'Fælleshave mellem boligblokkene', who: ['citizen', 'business'], whoDetail: 'Boligselskabet', firstStep: 'Aftale om arealet', when: '2027' },
];

const NOTE = 200;
const GAP = 20;
const clusterW = 6 * (NOTE + GAP) + GAP;
const clusterH = 5 * (NOTE + GAP) + 80;
const frame = (id: string, x: number, y: number, width: number, height: number, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x, y, width, height, title, fill: 'white', ...extra,
});

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  try {
    const w = await createWorkshop(server, {
      language: 'da',
      title: 'Hvad kan vi gøre sammen? Søndermarken 2027',
      place: 'Medborgerhuset Søndermarken',
      question: 'Hvad kan vi gøre sammen for at gøre Søndermarken til et bedre sted at bo?',
    });
    const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await synced(board);
    const elements: Element[] = [frame('say', 0, 0, 3 * clusterW + 4 * 40, 2 * clusterH + 140, 'Hvad er vigtigt for dig?')];
    const noteIds: string[] = [];
    THEMES.forEach((theme, t) => {
      const cx = 40 + (t % 3) * (clusterW + 40);
      const cy = 100 + Math.floor(t / 3) * (clusterH + 20);
      let i = 0;
      for (const subject of theme.subjects) for (const place of theme.places) {
        const id = `n${t}x${i}`;
        noteIds.push(id);
        const note: StickyNote = {
          id, type: 'note', index: `b${t}${String(i).padStart(2, '0')}`, frameId: `c${t}`, color: theme.color,
          x: cx + GAP + (i % 6) * (NOTE + GAP), y: cy + 70 + Math.floor(i / 6) * (NOTE + GAP), width: NOTE, height: NOTE, text: `${subject} ${place}`,
        };
        elements.push(note);
        i++;
      }
      // Made around the notes afterwards, as the facilitator's "cluster" does: above them in z-order.
      elements.push(frame(`c${t}`, cx, cy, clusterW, clusterH, theme.label, { variant: 'cluster', frameId: 'say', index: `z${t}` }));
    });
    elements.push(frame('act', 0, 2 * clusterH + 300, 4 * 460 + 40, 2 * 260 + 120, 'Hvad kan vi gøre sammen?'));
    [...ACTIONS, null, null].forEach((a, i) => {
      const card: ActionCard = {
        id: `a${i}`, type: 'action', index: `c${i}`, frameId: 'act', color: 'white', x: 40 + (i % 4) * 460, y: 2 * clusterH + 400 + Math.floor(i / 4) * 260, width: 420, height: 220,
        what: a?.what ?? '', who: a?.who ?? [], whoDetail: a?.whoDetail ?? '', firstStep: a?.firstStep ?? '', when: a?.when ?? '', sourceId: a ? `c${a.theme}` : null,
      };
      elements.push(card);
    });
    for (const el of elements) insertElement(board.doc, el);
    const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await waitForDoc(watcher.doc, (d) => getElements(d).length === elements.length);
    watcher.destroy();
    board.destroy();

    const fac = await connectControl(server.url, w.facilitatorToken);
    const step = (id: string, title: string, minutes: number, frameId: string | null, level: string, promise: string) =>
      ({ id, title, participantText: title, facilitatorNotes: '', minutes, frameId, level, promise, private: false });
    const steps = [
      step('s1', 'Velkommen og formål', 10, null, 'inform', 'I får at vide, hvad kommunen vil bruge aftenen til'),
      step('s2', 'Hvad er vigtigt for dig?', 30, 'say', 'consult', 'Byrådet får alle sedler og grupper i en rapport'),
      step('s3', 'Prioritering med prikker', 15, 'say', 'involve', 'De fem højest prioriterede temaer indgår i kommunens plan'),
      step('s4', 'Hvad kan vi gøre sammen?', 30, 'act', 'cocreate', 'Handlingerne følges op af udvalget med navngivne ansvarlige'),
    ];
    const ok = async (p: Promise<unknown>) => {
      const r = await p;
      if (!(r as { ok?: boolean }).ok) throw new Error(`command refused: ${JSON.stringify(r)}`);
    };
    await ok(fac.run({ type: 'agenda.set', steps }));
    // A step runs while someone takes part (the report shows when): one citizen is there throughout.
    const host = await connectControl(server.url, await joinWorkshop(server, w.joinCode!, 'Borger 1'));
    await ok(fac.run({ type: 'agenda.goto', index: 0 }));
    await ok(fac.run({ type: 'agenda.next' }));
    await ok(fac.run({ type: 'agenda.next' }));
    await ok(fac.run({ type: 'vote.start', elementIds: noteIds, dotsPerPerson: 3, allowMultiplePerElement: false, title: 'Hvad er vigtigst?' }));
    // 30 citizens join by code; each puts 3 dots, leaning to a few notes as a real room does.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const favourites = [0, 1, 31, 62, 95, 120, 33, 2, 64, 121];
    for (let p = 0; p < 30; p++) {
      const citizen = p === 0 ? host : await connectControl(server.url, await joinWorkshop(server, w.joinCode!, `Borger ${p + 1}`));
      const chosen = new Set<string>();
      while (chosen.size < 3) chosen.add(rand() < 0.7 ? noteIds[favourites[Math.floor(rand() * favourites.length)]!]! : noteIds[Math.floor(rand() * noteIds.length)]!);
      for (const id of chosen) await ok(citizen.run({ type: 'vote.place', elementId: id }));
      if (citizen !== host) citizen.close();
    }
    await ok(fac.run({ type: 'vote.reveal' }));
    await ok(fac.run({ type: 'agenda.next' }));
    host.close();
    fac.close();

    const auth = { headers: { authorization: `Bearer ${w.facilitatorToken}` } };
    for (const [format, file] of [['pdf', 'report-da.pdf'], ['docx', 'report-da.docx'], ['letter-pdf', 'letter-da.pdf']] as const) {
      const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, auth);
      if (!res.ok) throw new Error(`${format}: ${res.status} ${await res.text()}`);
      writeFileSync(join(OUT, file), Buffer.from(await res.arrayBuffer()));
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(OUT, 'letter-da.pdf'), join(OUT, 'letter-da-page1')]);
    const pdf = join(OUT, 'report-da.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'report-da-pdf-page1')]);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(pages), '-l', String(pages), '-singlefile', pdf, join(OUT, 'report-da-pdf-appendix')]);
    // The Word file's first page as LibreOffice lays it out, where it is installed (libreoffice-writer-nogui).
    const tmp = mkdtempSync(join(tmpdir(), 'sammen-docx-'));
    try {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, join(OUT, 'report-da.docx')], { stdio: 'ignore' });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(tmp, 'report-da.pdf'), join(OUT, 'report-da-docx-page1')]);
    } catch {
      console.log('no LibreOffice (soffice): report-da-docx-page1.png not made');
    }
    console.log(`wrote ${OUT}: report-da.pdf (${pages} pages), report-da.docx, report-da-pdf-page1.png, report-da-pdf-appendix.png, letter-da.pdf, letter-da-page1.png`);
  } finally {
    await server.stop();
  }
}

await main();
