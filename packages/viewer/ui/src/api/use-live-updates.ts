import { useEffect, useRef } from 'react';
import type { LiveUpdate } from '../../../src/shared/api-types.js';

/**
 * Subscribes to `/api/live` (SSE `event: traces`) while `enabled`; EventSource reconnects by itself.
 *
 * @example
 * useLiveUpdates(!paused, (update) => setRows((rows) => merge(rows, update.traces)));
 */
export function useLiveUpdates(enabled: boolean, onUpdate: (update: LiveUpdate) => void): void {
  const handler = useRef(onUpdate);
  handler.current = onUpdate;
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
    source.addEventListener('traces', listener);
    return () => {
      source.removeEventListener('traces', listener);
      source.close();
    };
  }, [enabled]);
}
