/**
 * Exceptions on spans the way the reference's Python SDK records them: an `exception` event with
 * `exception.escaped` as the strings 'True' / 'False', and ERROR status with `<Type>: <message>`
 * where the reference lets the SDK set it (chat and agent-run spans), without one otherwise.
 */
import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';

/** Type, message and stack of anything thrown. */
export function toExceptionAttributes(error: unknown, escaped: boolean): Attributes {
  const isError = error instanceof Error;
  const type = isError ? error.name : typeof error;
  const message = isError ? error.message : String(error);
  return {
    'exception.type': type,
    'exception.message': message,
    ...(isError && error.stack ? { 'exception.stacktrace': error.stack } : {}),
    'exception.escaped': escaped ? 'True' : 'False',
  };
}

/** `<Type>: <message>`, the reference's status description. */
export function toErrorDescription(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Adds the exception event and sets ERROR; `describe: false` leaves the status without a description.
 * @example recordSpanError(span, error, { escaped: false, describe: true });
 */
export function recordSpanError(span: Span, error: unknown, o: { escaped: boolean; describe: boolean; recordException?: boolean; setError?: boolean }): void {
  if (o.recordException !== false) span.addEvent('exception', toExceptionAttributes(error, o.escaped));
  if (o.setError !== false) span.setStatus(o.describe ? { code: SpanStatusCode.ERROR, message: toErrorDescription(error) } : { code: SpanStatusCode.ERROR });
}
