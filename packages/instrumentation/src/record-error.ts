/**
 * Exceptions on spans the way the reference's Python SDK records them: an `exception` event with
 * `exception.escaped` as the strings 'True' / 'False', and ERROR status with `<Type>: <message>`
 * where the reference lets the SDK set it (chat and agent-run spans), without one otherwise.
 */
import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';

/**
 * Type, message and stack of anything thrown. `withMessage: false` leaves the message out of the
 * event, and out of the stack trace's first line (the trace is dropped if it does not start with
 * it): for errors whose message is content, such as a tool's retry prompt.
 * @example toExceptionAttributes(new ModelRetry('no user bob'), true, false) // no 'exception.message'
 */
export function toExceptionAttributes(error: unknown, escaped: boolean, withMessage = true): Attributes {
  const isError = error instanceof Error;
  const type = isError ? error.name : typeof error;
  const message = isError ? error.message : String(error);
  let stack = isError ? error.stack : undefined;
  if (!withMessage && stack !== undefined) {
    const header = `${type}: ${message}`;
    stack = stack.startsWith(header) ? `${type}${stack.slice(header.length)}` : undefined;
  }
  return {
    'exception.type': type,
    ...(withMessage ? { 'exception.message': message } : {}),
    ...(stack ? { 'exception.stacktrace': stack } : {}),
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
export function recordSpanError(span: Span, error: unknown, o: { escaped: boolean; describe: boolean; recordException?: boolean; setError?: boolean; withMessage?: boolean }): void {
  if (o.recordException !== false) span.addEvent('exception', toExceptionAttributes(error, o.escaped, o.withMessage));
  if (o.setError !== false) span.setStatus(o.describe ? { code: SpanStatusCode.ERROR, message: toErrorDescription(error) } : { code: SpanStatusCode.ERROR });
}
