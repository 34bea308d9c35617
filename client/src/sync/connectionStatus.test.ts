import { describe, expect, it } from 'vitest';
import { OUTDATED_PROBLEM, initialConnectionState, isOutdated, reduceConnection, withPrivateNotes, type ConnectionEvent } from './connectionStatus.js';

const run = (...events: ConnectionEvent[]) => events.reduce(reduceConnection, initialConnectionState);

describe('connection status', () => {
  it('goes online when the first sync completes', () => {
    expect(run({ type: 'status', status: 'connecting' }, { type: 'status', status: 'connected' }).status).toBe('connecting');
    expect(run({ type: 'status', status: 'connected' }, { type: 'synced', synced: true }).status).toBe('online');
  });

  it('reconnects after a drop and comes back online', () => {
    const dropped = run({ type: 'synced', synced: true }, { type: 'close', code: 1006 }, { type: 'status', status: 'disconnected' });
    expect(dropped.status).toBe('reconnecting');
    expect(reduceConnection(dropped, { type: 'synced', synced: true }).status).toBe('online');
  });

  it('explains a message that was too big and clears it once synced again', () => {
    const s = run({ type: 'synced', synced: true }, { type: 'close', code: 1009 });
    expect(s.problem).toBe('connection.problem.messageTooBig');
    expect(reduceConnection(s, { type: 'synced', synced: true }).problem).toBeNull();
  });

  it('explains a drop for falling behind or sending too much, and keeps reconnecting', () => {
    const slow = run({ type: 'synced', synced: true }, { type: 'close', code: 4504 });
    expect(slow).toMatchObject({ status: 'reconnecting', problem: 'connection.problem.tooSlow' });
    expect(run({ type: 'synced', synced: true }, { type: 'close', code: 4529 }).problem).toBe('connection.problem.rateLimited');
  });

  it('a board newer than this page closes for good and says to reload', () => {
    const s = run({ type: 'status', status: 'connected' }, { type: 'outdated' });
    expect(s).toEqual({ status: 'closed', everSynced: true, problem: OUTDATED_PROBLEM, unsaved: false, unsavedOverdue: false });
    expect(isOutdated(s)).toBe(true);
    expect(reduceConnection(s, { type: 'synced', synced: true })).toBe(s);
    expect(isOutdated(run({ type: 'synced', synced: true }))).toBe(false);
  });

  it('stays closed after a permanent refusal', () => {
    const s = run({ type: 'closed', code: 4404 }, { type: 'synced', synced: true });
    expect(s).toEqual({ status: 'closed', everSynced: false, problem: 'connection.problem.boardNotFound', unsaved: false, unsavedOverdue: false });
    expect(run({ type: 'closed', code: 4413 }).problem).toBe('connection.problem.boardTooLarge');
    expect(run({ type: 'closed', code: 4499 }).problem).toBe('connection.problem.refused');
  });

  it('shows offline while the browser has no network', () => {
    const s = run({ type: 'synced', synced: true }, { type: 'network', online: false }, { type: 'status', status: 'connecting' });
    expect(s.status).toBe('offline');
    expect(reduceConnection(s, { type: 'network', online: true }).status).toBe('reconnecting');
  });

  it('says when changes wait to be stored, and keeps saying it across a reconnect until they are', () => {
    const online = run({ type: 'synced', synced: true });
    const waiting = reduceConnection(online, { type: 'saved', unsaved: true, overdue: true });
    expect(waiting).toMatchObject({ status: 'online', unsavedOverdue: true });
    expect(reduceConnection(waiting, { type: 'saved', unsaved: true, overdue: true })).toBe(waiting);
    const back = ([{ type: 'close', code: 1006 }, { type: 'synced', synced: true }] as ConnectionEvent[]).reduce(reduceConnection, waiting);
    expect(back).toMatchObject({ status: 'online', unsavedOverdue: true });
    expect(reduceConnection(back, { type: 'saved', unsaved: false, overdue: false }).unsavedOverdue).toBe(false);
  });

  it("shows private notes waiting to be stored as the board's, and keeps the board's own status", () => {
    const board = run({ type: 'synced', synced: true });
    expect(withPrivateNotes(board, null)).toBe(board);
    const privateOk = run({ type: 'synced', synced: true });
    expect(withPrivateNotes(board, privateOk)).toBe(board);
    const privateWaiting = reduceConnection(run({ type: 'status', status: 'disconnected' }), { type: 'saved', unsaved: true, overdue: true });
    expect(withPrivateNotes(board, privateWaiting)).toEqual({ ...board, unsaved: true, unsavedOverdue: true });
    expect(withPrivateNotes(board, privateWaiting).status).toBe('online');
  });
});
