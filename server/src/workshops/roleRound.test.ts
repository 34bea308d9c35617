import { describe, expect, it } from 'vitest';
import { type RoleState, applyRoleCommand, roleViewFor } from './roleRound.js';

const start = (): RoleState => {
  const out = applyRoleCommand({ roleRound: null, pastRoleRounds: [] }, 'fac', { type: 'role.start' }, 1, { stepId: null });
  if (!out.ok) throw new Error(out.message);
  return out.state;
};
const place = (s: RoleState, who: string, column = 0) => applyRoleCommand(s, who, { type: 'role.place', scale: 'kommune', row: 'task', kind: 'today', column }, 2, { stepId: null });

describe('applyRoleCommand', () => {
  it('refuses a second marker of a kind on a row, and moving someone else’s', () => {
    const a = place(start(), 'a');
    if (!a.ok) throw new Error(a.message);
    expect(place(a.state, 'a', 2)).toMatchObject({ ok: false, error: 'already_placed' });
    const markerId = a.state.roleRound!.markers[0]!.id;
    expect(applyRoleCommand(a.state, 'b', { type: 'role.move', markerId, column: 2 }, 3, { stepId: null })).toMatchObject({ ok: false, error: 'not_your_marker' });
    const moved = applyRoleCommand(a.state, 'a', { type: 'role.move', markerId, column: 2 }, 3, { stepId: null });
    expect(moved.ok && moved.state.roleRound!.markers[0]!.column).toBe(2);
  });

  it('shows each person only their own markers until the reveal, then the counts', () => {
    const a = place(start(), 'a');
    if (!a.ok) throw new Error(a.message);
    const b = place(a.state, 'b', 1);
    if (!b.ok) throw new Error(b.message);
    expect(roleViewFor(b.state.roleRound, 'a')!.myMarkers.map((m) => m.column)).toEqual([0]);
    expect(roleViewFor(b.state.roleRound, 'a')!.result).toBeNull();
    expect(JSON.stringify(roleViewFor(b.state.roleRound, 'a'))).not.toContain('"b"');
    const revealed = applyRoleCommand(b.state, 'fac', { type: 'role.reveal' }, 4, { stepId: null });
    if (!revealed.ok) throw new Error(revealed.message);
    expect(place(revealed.state, 'c')).toMatchObject({ ok: false, error: 'role_closed' });
    const row = roleViewFor(revealed.state.roleRound, null)!.result!.scales[0]!.rows.find((r) => r.row === 'task')!;
    expect(row.counts.today).toEqual([1, 1, 0]);
  });

  it('refuses rows, kinds and columns the scale does not have', () => {
    expect(applyRoleCommand(start(), 'a', { type: 'role.place', scale: 'sort', row: 'rules', kind: 'today', column: 0 }, 2, { stepId: null })).toMatchObject({ ok: false, error: 'invalid' });
    expect(applyRoleCommand(start(), 'a', { type: 'role.place', scale: 'sort', row: 'rules', kind: 'place', column: 2 }, 2, { stepId: null })).toMatchObject({ ok: false, error: 'invalid' });
  });
});
