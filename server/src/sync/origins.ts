/**
 * Typed transaction origins of a room's document, so that its update observer knows what is already
 * stored or shared: read from the store at load (nothing to do), from another process or a catch-up
 * (stored there: shared with this room's sockets only), made by the server (stored first).
 * A client's update has its Connection as origin.
 */
export const LOAD_ORIGIN = Symbol('load');
export const BUS_ORIGIN = Symbol('bus');
export const SERVER_ORIGIN = Symbol('server');

/** Minimal logger (pino's shape), so the sync core does not depend on Fastify. */
export interface RoomLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
