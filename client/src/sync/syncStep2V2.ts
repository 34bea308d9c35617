import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SYNC_STEP_2_V2 } from '@sammen/shared';

/**
 * Lets the provider read the server's sync step 2 in V2 (`@sammen/shared` syncStep2V2.ts): applied as
 * y-websocket applies its V1 sync step 2 (the provider as origin, so nothing is sent back), and the
 * provider is synced after it. The provider must ask with `v2=1` in its params.
 */
export function readSyncStep2V2(provider: WebsocketProvider): void {
  provider.messageHandlers[MESSAGE_SYNC_STEP_2_V2] = (_encoder, decoder, p, emitSynced) => {
    Y.applyUpdateV2(p.doc, decoding.readVarUint8Array(decoder), p);
    if (emitSynced && !p.synced) p.synced = true;
  };
}
