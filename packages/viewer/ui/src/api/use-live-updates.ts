import { useEffect, useRef } from 'react';
import type { LiveUpdate } from '../../../src/shared/api-types.js';

/**
 * Subscribes to `/api/live` (SSE `event: traces`) while `enabled`; EventSource reconnects by itself
 * and `onConnect` runs on every (re)connection so the caller can catch up.
 *
 * @example
 * useLiveUpdates(!paused, (update) => setRows((rows) => merge(rows, update.traces)));
 */
export function useLiveUpdates(enabled: boolean, onUpdate: (update: LiveUpdate) => void, onConnect?: () => void): void {
  const handler = useRef(onUpdate);
  handler.current = onUpdate;
  const connected = useRef(onConnect);
  connected.current = onConnect;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/live');
    const listener = (event: MessageEvent<string>): void => {
      try {
        const update = JSON.parse(event.data) as LiveUpdate;
        if (Array.isArray(update.traces)) handler.current(update);
      } catch {
        // a malformed frame is skipped; the next one carries the current state
      }
    };
    // Updates sent while disconnected (or paused) are missed: the caller refetches on each (re)connect.
    const onOpen = (): void => connected.current?.();
    source.addEventListener('traces', listener);
    source.addEventListener('open', onOpen);
    return () => {
      source.removeEventListener('traces', listener);
      source.removeEventListener('open', onOpen);
      source.close();
    };
  }, [enabled]);
}
