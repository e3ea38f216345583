import type { Response } from 'express';
import type { LiveUpdate, TraceSummary } from '../../shared/api-types.js';

/** Options for the live update hub. */
export interface LiveHubOptions {
  readonly getSummaries: (traceIds: readonly string[]) => Promise<TraceSummary[]>;
  /** Minimum time between two pushes (default 100 ms: at most ~10 updates a second). */
  readonly intervalMs?: number;
  readonly heartbeatMs?: number;
}

const MAX_TRACES_PER_UPDATE = 500;

/**
 * Server-sent events for /api/live: ingest calls `notify`, and changed traces are coalesced and
 * pushed as one `event: traces` LiveUpdate per interval to every subscriber.
 *
 * @example
 * const hub = new LiveHub({ getSummaries: (ids) => store.getSummaries(ids) });
 * hub.subscribe(response);
 */
export class LiveHub {
  private readonly subscribers = new Set<Response>();
  private readonly pending = new Set<string>();
  private readonly options: LiveHubOptions;
  private timer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(options: LiveHubOptions) {
    this.options = options;
    this.heartbeat = setInterval(() => {
      for (const subscriber of this.subscribers) subscriber.write(': keep-alive\n\n');
    }, options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  subscribe(response: Response): void {
    response.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    response.flushHeaders();
    response.write('retry: 2000\n\n');
    this.subscribers.add(response);
    response.on('close', () => this.subscribers.delete(response));
  }

  notify(traceIds: readonly string[]): void {
    if (this.subscribers.size === 0) return;
    for (const traceId of traceIds) this.pending.add(traceId);
    this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs ?? 100);
  }

  private async flush(): Promise<void> {
    const traceIds = [...this.pending].slice(0, MAX_TRACES_PER_UPDATE);
    for (const traceId of traceIds) this.pending.delete(traceId);
    try {
      const update: LiveUpdate = { traces: await this.readSummaries(traceIds) };
      const frame = `event: traces\ndata: ${JSON.stringify(update)}\n\n`;
      for (const subscriber of this.subscribers) subscriber.write(frame);
    } finally {
      this.timer = this.pending.size > 0 ? setTimeout(() => void this.flush(), this.options.intervalMs ?? 100) : null;
    }
  }

  /**
   * The summaries of `traceIds`; when reading them together fails, each is read alone, so a
   * trace that cannot be read drops out of the update instead of taking the others with it.
   */
  private async readSummaries(traceIds: readonly string[]): Promise<TraceSummary[]> {
    try {
      return await this.options.getSummaries(traceIds);
    } catch {
      if (traceIds.length === 1) return [];
    }
    const traces: TraceSummary[] = [];
    for (const traceId of traceIds) {
      try {
        traces.push(...(await this.options.getSummaries([traceId])));
      } catch {
        // this trace only is left out; its next change notifies again
      }
    }
    return traces;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }
}
