/**
 * One catalogue of the errors Sammen reports, shared by server and client: the HTTP status, and for
 * WebSocket closes the close code (RFC 6455: 4000-4999 are for applications). The client shows a
 * translated message keyed by `code`; the English `message` is for logs and API consumers.
 */
export const ERRORS = {
  BAD_REQUEST: { code: 'bad_request', status: 400, message: 'The request is malformed.' },
  BOARD_NOT_FOUND: { code: 'board_not_found', status: 404, message: 'There is no board with this id.' },
  NOT_FOUND: { code: 'not_found', status: 404, message: 'Not found.' },
  UNAUTHORIZED: { code: 'unauthorized', status: 401, message: 'A valid token is needed.' },
  FORBIDDEN: { code: 'forbidden', status: 403, message: 'This token does not give access to that.' },
  JOIN_CODE_NOT_FOUND: { code: 'join_code_not_found', status: 404, message: 'No workshop has this code.' },
  TEMPLATE_NOT_FOUND: { code: 'template_not_found', status: 404, message: 'There is no template with this id.' },
  ORIGIN_NOT_ALLOWED: { code: 'origin_not_allowed', status: 403, message: 'This origin may not connect.' },
  PAYLOAD_TOO_LARGE: { code: 'payload_too_large', status: 413, message: 'The request is too large.' },
  RATE_LIMITED: { code: 'rate_limited', status: 429, message: 'Too many requests; try again shortly.' },
  INTERNAL: { code: 'internal', status: 500, message: 'Something went wrong on the server.' },
  /** Storage unavailable (read-only file, I/O error, lost database connection): nothing was changed. */
  STORAGE_FAILED: { code: 'storage_failed', status: 503, message: 'The server could not save the change: its storage is unavailable. Nothing was changed.' },
  /** The server's disk is full (WebDAV's 507 Insufficient Storage): nothing was changed. */
  STORAGE_FULL: { code: 'storage_full', status: 507, message: "The server's disk is full, so the change was not saved. Nothing was changed." },
  /**
   * This server process holds as many connections as it takes (WS_CONNECTIONS_PER_PROCESS): sent with
   * Retry-After, so the client (or the load balancer) tries again, reaching another process.
   */
  SERVER_BUSY: { code: 'server_busy', status: 503, message: 'This server is full; try again in a moment.' },
} as const;
export type ErrorCode = (typeof ERRORS)[keyof typeof ERRORS]['code'];

/** The JSON body of every HTTP error response. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
}

/**
 * WebSocket close codes. The close *reason* carries the same words in English (at most 123 bytes,
 * as RFC 6455 allows).
 */
export const CLOSE = {
  /** Standard: the message was larger than MAX_MESSAGE_BYTES. Sent by `ws` itself. */
  MESSAGE_TOO_BIG: { code: 1009, reason: 'Message too big' },
  MALFORMED_MESSAGE: { code: 4400, reason: 'Malformed message' },
  UNAUTHORIZED: { code: 4401, reason: 'Missing or invalid token' },
  FORBIDDEN: { code: 4403, reason: 'Not allowed' },
  BOARD_NOT_FOUND: { code: 4404, reason: 'Board not found' },
  BOARD_TOO_LARGE: { code: 4413, reason: 'Board is full: the maximum board size is reached' },
  SCHEMA_TOO_NEW: { code: 4409, reason: 'This board was saved by a newer Sammen; the server must be upgraded' },
  STORAGE_FAILED: { code: 4503, reason: 'The server could not save the change' },
  SERVER_SHUTDOWN: { code: 1001, reason: 'Server is shutting down' },
  BOARD_DELETED: { code: 4410, reason: 'This board was deleted' },
  /**
   * The connection fell too far behind reading what the server sent (its send buffer passed the
   * limit). Outside 4400-4499, so the provider reconnects and catches up with one fresh sync.
   */
  SLOW_CONSUMER: { code: 4504, reason: 'Connection too slow: it fell too far behind; reconnecting gives a fresh copy' },
  /** The connection sent more messages than its rate limit allows. The provider reconnects after a pause. */
  RATE_LIMITED: { code: 4529, reason: 'Too many messages: the rate limit per connection was passed' },
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]['code'];
