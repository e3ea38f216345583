/**
 * Spans opened across `await` need an async context manager. Users who set up an SDK already
 * have one; when none is registered, an AsyncLocalStorage one is installed globally, once.
 */
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { context, createContextKey } from '@opentelemetry/api';

const PROBE = createContextKey('hopscope.context-probe');

/** True when the global context manager keeps values (a no-op manager does not). */
export function hasWorkingContextManager(): boolean {
  return context.with(context.active().setValue(PROBE, true), () => context.active().getValue(PROBE) === true);
}

/**
 * Registers an AsyncLocalStorage context manager unless a working one is registered.
 * @example ensureContextManager();
 */
export function ensureContextManager(): void {
  if (hasWorkingContextManager()) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}
