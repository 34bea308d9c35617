import type { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import { moveProjectCard, writeOpinionResult, writeRoleResult, writeVoteResult } from '@sammen/shared';
import type { Actor, Effect } from './commands.js';
import { carryOnRoundStart, forgetRevealedNotes, revealPrivateNotes } from './reveal.js';
import type { ServerDocs } from './serverDocs.js';
import type { WorkshopState } from './types.js';
import type { Loaded } from './workshopCache.js';
import type { WorkshopEvents } from './WorkshopService.js';

/** What a command's effects need of the workshop service. */
export interface EffectDeps {
  docs: ServerDocs;
  /** Where effects tell this process's sockets (the service's events). */
  events: EventEmitter<WorkshopEvents>;
  /** A server-made board change: stored, then applied and shared. */
  editBoard(boardId: string, edit: (doc: Y.Doc) => void): Promise<void>;
  now(): number;
}

/**
 * Carries out one effect of a command (applyCommand decides, this does the I/O): board changes the
 * server makes (results, project moves, the reveal of private notes) and messages to sockets, which
 * go out only once the new state is stored (`broadcasts`). Safe to repeat when a lost race re-runs
 * the command: a reveal copies no note twice, and what it found is kept in `revealed`.
 */
export async function performEffect(
  deps: EffectDeps,
  loaded: Loaded,
  actor: Actor,
  effect: Effect,
  state: WorkshopState,
  broadcasts: Array<() => void>,
  revealed: Map<string, number>,
): Promise<WorkshopState> {
  const { workshop } = loaded;
  switch (effect.kind) {
    case 'follow':
      broadcasts.push(() => deps.events.emit('follow', workshop.id, effect.viewport));
      return state;
    case 'bringHere':
      broadcasts.push(() => deps.events.emit('bringHere', workshop.id, effect.viewport));
      return state;
    case 'reaction':
      broadcasts.push(() => deps.events.emit('reaction', workshop.id, { memberId: actor.memberId, name: actor.name, emoji: effect.emoji }));
      return state;
    case 'projectMove':
      // Server-made, with the member's name: the move's "who" is not something a client can write.
      await deps.editBoard(workshop.boardId, (doc) => moveProjectCard(doc, effect.elementId, effect.phase, actor.name, deps.now()));
      return state;
    case 'opinionRevealed': {
      const result = effect.round.result;
      // Only the anonymous map goes on the board: no member id, no one's marks.
      if (result) await deps.editBoard(workshop.boardId, (doc) => writeOpinionResult(doc, result));
      return state;
    }
    case 'roleRevealed': {
      const result = effect.round.result;
      // Only counts go on the board: no member id, no marker of anyone.
      if (result) await deps.editBoard(workshop.boardId, (doc) => writeRoleResult(doc, result));
      return state;
    }
    case 'voteRevealed':
      await deps.editBoard(workshop.boardId, (doc) =>
        writeVoteResult(doc, { id: effect.vote.id, title: effect.vote.title, revealedAt: effect.vote.revealedAt ?? deps.now(), results: effect.vote.results ?? [] }),
      );
      return state;
    case 'privateStarted': {
      await forgetRevealedNotes(deps.docs, workshop.boardId, loaded.members.filter((m) => !m.removed), carryOnRoundStart(state));
      return state;
    }
    case 'revealPrivate': {
      for (const r of await revealPrivateNotes(deps.docs, workshop.boardId, loaded.members, effect.mode)) revealed.set(r.memberId, (revealed.get(r.memberId) ?? 0) + r.count);
      broadcasts.push(() => {
        for (const [memberId, count] of revealed) deps.events.emit('revealed', workshop.id, memberId, count);
      });
      const notes = [...revealed.values()].reduce((n, c) => n + c, 0);
      return {
        ...state,
        private: { ...state.private, active: false, endedBy: 'reveal' },
        reveals: [...state.reveals, { at: deps.now(), stepIndex: state.current, notes, mode: effect.mode }],
      };
    }
  }
}
