import { useEffect, useState, useSyncExternalStore } from 'react';
import { connectControlChannel, type ControlChannel } from './controlClient.js';
import type { WorkshopApi, WorkshopSessionInfo } from './WorkshopContext.js';

const noopSubscribe = () => () => {};

/** The control channel for a workshop session while the component is mounted; null on an open board. */
export function useControlChannel(session: WorkshopSessionInfo | null): WorkshopApi | null {
  const [channel, setChannel] = useState<ControlChannel | null>(null);
  useEffect(() => {
    if (!session) return;
    const ch = connectControlChannel(session);
    setChannel(ch);
    return () => {
      ch.destroy();
      setChannel(null);
    };
  }, [session]);
  return useSyncExternalStore(channel?.subscribe ?? noopSubscribe, () => channel?.getApi() ?? null);
}
