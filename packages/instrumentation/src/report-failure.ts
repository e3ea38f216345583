/**
 * Telemetry never breaks the user's call: every mapping, metric and exporter-facing step runs
 * through `guard`, which reports a failure to the OpenTelemetry diag logger and returns a fallback.
 */
import { diag } from '@opentelemetry/api';

/** Reports a telemetry failure without throwing. */
export function reportTelemetryFailure(step: string, error: unknown): void {
  try {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    diag.error(`@hopscope/instrumentation: ${step} failed: ${detail}`);
  } catch {
    // A broken diag logger must not break the call either.
  }
}

/**
 * Runs `fn`; on failure reports it through `diag` and returns `fallback`.
 * @example
 * const attributes = guard('chat start attributes', () => toChatStartAttributes(input), {});
 */
export function guard<T>(step: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    reportTelemetryFailure(step, error);
    return fallback;
  }
}
