import { describe, expect, it } from 'vitest';
import type { Command } from '@sammen/shared';
import { type Actor, applyCommand } from './commands.js';
import { opinionViewFor } from './opinionRound.js';
import { type WorkshopState, initialWorkshopState } from './types.js';

const facilitator: Actor = { memberId: 'f', role: 'facilitator', name: 'F' };
const ann: Actor = { memberId: 'ann', role: 'participant', name: 'Ann' };
const bo: Actor = { memberId: 'bo', role: 'participant', name: 'Bo' };
const observer: Actor = { memberId: null, role: 'observer', name: 'Observer' };
const texts = new Map([['n1', 'Mere lys på stien'], ['n2', 'Flere bænke'], ['n3', '  ']]);

function run(state: WorkshopState, actor: Actor, command: Command): WorkshopState {
  const out = applyCommand(state, actor, command, 1000, { live: true, elementTexts: texts });
  if (!out.ok) throw new Error(`${out.error}: ${out.message}`);
  return out.state;
}

function started(): WorkshopState {
  return run(initialWorkshopState(), facilitator, { type: 'opinion.start', elementIds: ['n1', 'n2', 'n3', 'gone'], frameId: 'frame1' });
}

describe('opinion round commands', () => {
  it('start snapshots the text of the elements that have any; none with text is refused', () => {
    const s = started();
    expect(s.opinion!.statements.map((x) => [x.text, x.elementId])).toEqual([['Mere lys på stien', 'n1'], ['Flere bænke', 'n2']]);
    expect(s.opinion!.frameId).toBe('frame1');
    const none = applyCommand(initialWorkshopState(), facilitator, { type: 'opinion.start', elementIds: ['n3'] }, 1, { live: true, elementTexts: texts });
    expect(none).toMatchObject({ ok: false, error: 'no_statements' });
    // A second start while one is open is refused; participants cannot start one.
    expect(applyCommand(s, facilitator, { type: 'opinion.start', elementIds: ['n1'] }, 1, { live: true, elementTexts: texts })).toMatchObject({ ok: false, error: 'opinion_open' });
    expect(applyCommand(initialWorkshopState(), ann, { type: 'opinion.start', elementIds: ['n1'] }, 1)).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('marks are kept per person, changeable, and each view carries only its own', () => {
    let s = started();
    const [a, b] = s.opinion!.statements.map((x) => x.id);
    s = run(s, ann, { type: 'opinion.mark', statementId: a!, mark: 'agree' });
    s = run(s, ann, { type: 'opinion.mark', statementId: a!, mark: 'disagree' });
    s = run(s, bo, { type: 'opinion.mark', statementId: b!, mark: 'pass' });
    expect(s.opinion!.marks).toEqual({ ann: { [a!]: 'disagree' }, bo: { [b!]: 'pass' } });
    expect(applyCommand(s, ann, { type: 'opinion.mark', statementId: 'nope', mark: 'agree' }, 1)).toMatchObject({ ok: false, error: 'not_in_round' });
    expect(applyCommand(s, observer, { type: 'opinion.mark', statementId: a!, mark: 'agree' }, 1)).toMatchObject({ ok: false, error: 'forbidden' });

    expect(opinionViewFor(s.opinion, 'ann', false)!.myMarks).toEqual({ [a!]: 'disagree' });
    const forFacilitator = opinionViewFor(s.opinion, 'f', true)!;
    expect(forFacilitator.myMarks).toEqual({});
    expect(forFacilitator.progress).toEqual({ marking: 2, done: 0, marks: 2 });
    expect(forFacilitator.result).toBeNull();
    expect(JSON.stringify(opinionViewFor(s.opinion, null, false))).not.toMatch(/disagree|pass"/);
  });

  it('a suggestion is seen by its author and the facilitators (without the name) and joins the round when accepted', () => {
    let s = started();
    s = run(s, ann, { type: 'opinion.suggest', text: 'Skraldespande ved legepladsen' });
    const id = s.opinion!.suggestions[0]!.id;
    expect(opinionViewFor(s.opinion, 'ann', false)!.mySuggestions).toEqual([{ id, text: 'Skraldespande ved legepladsen' }]);
    expect(opinionViewFor(s.opinion, 'bo', false)!.mySuggestions).toEqual([]);
    expect(opinionViewFor(s.opinion, 'bo', false)!.suggestions).toBeNull();
    expect(opinionViewFor(s.opinion, 'bo', false)!.statements).toHaveLength(2);
    expect(opinionViewFor(s.opinion, 'f', true)!.suggestions).toEqual([{ id, text: 'Skraldespande ved legepladsen' }]);
    expect(applyCommand(s, ann, { type: 'opinion.accept', suggestionId: id }, 1)).toMatchObject({ ok: false, error: 'forbidden' });
    s = run(s, facilitator, { type: 'opinion.accept', suggestionId: id });
    expect(s.opinion!.statements.map((x) => x.text)).toContain('Skraldespande ved legepladsen');
    expect(s.opinion!.suggestions).toEqual([]);
    s = run(s, bo, { type: 'opinion.suggest', text: 'Noget andet' });
    s = run(s, facilitator, { type: 'opinion.reject', suggestionId: s.opinion!.suggestions[0]!.id });
    expect(s.opinion!.statements).toHaveLength(3);
    for (let i = 0; i < 5; i++) s = run(s, bo, { type: 'opinion.suggest', text: `Forslag ${i}` });
    expect(applyCommand(s, bo, { type: 'opinion.suggest', text: 'En for meget' }, 1)).toMatchObject({ ok: false, error: 'too_many_suggestions' });
  });

  it('the reveal computes the anonymous map, closes marking and asks the service to write it; end keeps it for the report', () => {
    let s = started();
    const [a] = s.opinion!.statements.map((x) => x.id);
    s = run(s, ann, { type: 'opinion.mark', statementId: a!, mark: 'agree' });
    const out = applyCommand(s, facilitator, { type: 'opinion.reveal' }, 2000);
    if (!out.ok) throw new Error(out.message);
    expect(out.state.opinion!.status).toBe('revealed');
    expect(out.state.opinion!.result).toMatchObject({ participants: 1, revealedAt: 2000 });
    expect(out.effects).toEqual([{ kind: 'opinionRevealed', round: out.state.opinion }]);
    expect(JSON.stringify(out.state.opinion!.result)).not.toContain('ann');
    expect(opinionViewFor(out.state.opinion, 'bo', false)!.result).toEqual(out.state.opinion!.result);
    expect(applyCommand(out.state, ann, { type: 'opinion.mark', statementId: a!, mark: 'pass' }, 1)).toMatchObject({ ok: false, error: 'opinion_closed' });
    const ended = run(out.state, facilitator, { type: 'opinion.end' });
    expect(ended.opinion).toBeNull();
    expect(ended.pastOpinions.map((r) => r.status)).toEqual(['revealed']);
    // Ending a round that was never revealed drops it, marks and all.
    const open = started();
    const dropped = run(run(open, ann, { type: 'opinion.mark', statementId: open.opinion!.statements[0]!.id, mark: 'agree' }), facilitator, { type: 'opinion.end' });
    expect(dropped).toMatchObject({ opinion: null, pastOpinions: [] });
  });
});
