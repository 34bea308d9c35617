/**
 * Sammen's second addition to the y-websocket protocol: a sync step 2 in Yjs's V2 update encoding.
 * A page that can read it asks with `v2=1` in the socket's address; the server then answers its sync
 * step 1 from a loaded document with `[MESSAGE_SYNC_STEP_2_V2, varUint8Array(update V2)]` instead of
 * y-protocols' V1 sync step 2. Everything else stays V1 (updates are framed once for every socket).
 * V2 writes each key and string once into column-wise streams: a 20,000-note board is 3.6 MB instead
 * of 4.4 MB and applies in ~0.8× the time (docs/architecture/document-model.md). A server without it
 * ignores the parameter and answers V1, which the page still reads.
 */
export const MESSAGE_SYNC_STEP_2_V2 = 21;
/** The socket address's query parameter that asks for V2 sync step 2 answers. */
export const V2_PARAM = 'v2';
