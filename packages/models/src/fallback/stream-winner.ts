/**
 * The stream a FallbackModel returns: the winning member's stream, replaying the peeked first
 * event, reporting the chain's usage, recording the winner's hop when the stream ends, and never
 * switching members once output started: a later failure surfaces as `FallbackStreamError`.
 */
import type { RequestUsage } from '../usage.js';
import type { ChainRun, ChainWinner } from './chain.js';
import { FallbackStreamError } from './errors.js';
import { ForwardingStreamedResponse, type StreamEnd } from './forwarding-stream.js';
import type { PeekedStream } from './hop-kinds.js';

/**
 * Wraps the winner's stream. `mapUsage` adds the earlier hops' usage to the stream's own.
 * @example return streamFromWinner(run, await run.run(), (u) => computeUsageSum(earlier, u))
 */
export function streamFromWinner(run: ChainRun<PeekedStream>, winner: ChainWinner<PeekedStream>, mapUsage: (usage: RequestUsage) => RequestUsage): ForwardingStreamedResponse {
  const { stream, iterator, first } = winner.value;
  const record = (end: StreamEnd) => {
    const base = { index: winner.index, startTime: winner.startTime, endTime: run.context.options.clock(), hedged: winner.hedged, response: stream.get(), usage: stream.usage() };
    switch (end.kind) {
      case 'complete':
      case 'abandoned':
        run.emit({ ...base, outcome: 'ok', winner: true });
        return undefined;
      case 'error': {
        const callerAborted = run.context.signal?.aborted ?? false;
        const error = callerAborted ? run.context.signal?.reason : end.error;
        // A provider that breaks mid-stream is as unhealthy as one that fails up front.
        if (!callerAborted) run.context.health.recordFailure(winner.index, end.error, base.endTime);
        const hop = run.emit({ ...base, outcome: 'error', error });
        return callerAborted ? error : new FallbackStreamError(hop, end.error);
      }
      default: {
        const _exhaustive: never = end;
        return _exhaustive;
      }
    }
  };
  return new ForwardingStreamedResponse(stream, { started: { iterator, first }, mapUsage, onEnd: record });
}
