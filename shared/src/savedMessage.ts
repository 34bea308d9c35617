/**
 * Sammen's one addition to the y-websocket protocol: "saved". The y-websocket protocol has no
 * acknowledgement, so a page cannot tell an edit the server stored from one stuck in a socket that
 * still looks open (a phone that changed networks). A page that asks for it (`saved=1` in the socket's
 * address) gets `[MESSAGE_SAVED, 0]` once connected; it may then send `[MESSAGE_SAVED, n]` (n > 0), and
 * the server answers `[MESSAGE_SAVED, n]` once everything that connection sent before it is stored. A
 * server without it ignores the parameter and never says 0, so the page never asks it; other
 * y-websocket clients never see the message.
 */
export const MESSAGE_SAVED = 20;
/** The socket address's query parameter that asks for "saved" answers. */
export const SAVED_PARAM = 'saved';
