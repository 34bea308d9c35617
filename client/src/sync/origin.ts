/**
 * The transaction origin of every change this person makes. The undo manager tracks only this origin,
 * so Ctrl+Z undoes one's own changes and never a colleague's. Remote updates arrive with the provider
 * as origin; the shared accessors' own nested `transact` calls inherit this outer origin.
 */
export const LOCAL_ORIGIN = Symbol('sammen-local');
