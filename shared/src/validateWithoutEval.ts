import { z } from 'zod';

/**
 * Imported for its effect, first thing in the browser page (client/src/main.tsx). Our
 * Content-Security-Policy has no 'unsafe-eval' (`script-src 'self'`), so zod's compiled fast path
 * cannot run there; without this, zod still tries `new Function` once, the browser refuses and
 * reports a CSP violation on every page load, and zod validates interpreted anyway. zod makes that
 * choice when each object schema is constructed, so this must run before the schema modules are
 * evaluated: hence a module of its own, imported before anything that imports them. The server does
 * not import it and keeps the compiled path.
 */
z.config({ jitless: true });
