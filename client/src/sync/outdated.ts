import type { EditPolicy } from '../editor/permissions.js';
import type { BoardConnection } from './boardConnection.js';
import { isOutdated } from './connectionStatus.js';

/** What `keepReadOnlyWhenOutdated` needs of an editor. */
interface PolicyHolder {
  getPolicy(): EditPolicy;
  setPolicy(policy: EditPolicy): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A page whose code is older than the board's schema writes nothing (the server would refuse the old
 * layout): its editor stays read-only until the page is reloaded, whatever policy a workshop sets
 * later. Returns the unsubscribe function.
 */
export function keepReadOnlyWhenOutdated(conn: BoardConnection, editor: PolicyHolder): () => void {
  const check = (): void => {
    if (isOutdated(conn.getState()) && !editor.getPolicy().readOnly) editor.setPolicy({ ...editor.getPolicy(), readOnly: true });
  };
  // The connection may have found the board outdated before this editor existed (opened early).
  check();
  const stopConn = conn.subscribe(check);
  const stopEditor = editor.subscribe(check);
  return () => {
    stopConn();
    stopEditor();
  };
}
