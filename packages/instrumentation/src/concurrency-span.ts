/**
 * The span of a request waiting for a concurrency slot (spec section 11):
 * `waiting for {limiter name or source} concurrency`.
 */
import { context, trace, type Attributes } from '@opentelemetry/api';
import type { ConcurrencyWaitInfo } from '@hopscope/models';
import { recordSpanError } from './record-error.js';
import { guard } from './report-failure.js';
import type { InstrumentationSettings } from './settings.js';

/** @example toConcurrencyWaitSpanName({ source: 'model:gpt-4o', waitingCount: 1, maxRunning: 2 }) === 'waiting for model:gpt-4o concurrency' */
export function toConcurrencyWaitSpanName(info: ConcurrencyWaitInfo): string {
  return `waiting for ${info.limiterName ?? info.source} concurrency`;
}

/** @example toConcurrencyWaitAttributes({ source: 'model:gpt-4o', waitingCount: 3, maxRunning: 2 }) // { source, waiting_count: 3, max_running: 2 } */
export function toConcurrencyWaitAttributes(info: ConcurrencyWaitInfo): Attributes {
  return {
    source: info.source,
    waiting_count: info.waitingCount,
    max_running: info.maxRunning,
    ...(info.limiterName !== undefined ? { limiter_name: info.limiterName } : {}),
    ...(info.maxQueued !== undefined ? { max_queued: info.maxQueued } : {}),
  };
}

/**
 * Runs the wait inside its span.
 * @example installModelHooks({ wrapConcurrencyWait: (info, wait) => runInConcurrencyWaitSpan(settings, info, wait) });
 */
export async function runInConcurrencyWaitSpan<T>(settings: InstrumentationSettings, info: ConcurrencyWaitInfo, wait: () => Promise<T>): Promise<T> {
  const parent = context.active();
  const span = guard('concurrency wait span start', () => settings.tracer.startSpan(toConcurrencyWaitSpanName(info), { attributes: toConcurrencyWaitAttributes(info) }, parent), undefined);
  if (!span) return wait();
  try {
    return await context.with(trace.setSpan(parent, span), wait);
  } catch (error) {
    guard('concurrency wait error', () => recordSpanError(span, error, { escaped: false, describe: true }), undefined);
    throw error;
  } finally {
    guard('concurrency wait span end', () => span.end(), undefined);
  }
}
