/**
 * Abort plumbing for hops: a promise raced against a signal (so a hop settles the moment it is
 * aborted, whatever the member does), and a deadline that aborts a controller with a typed error.
 */

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts. A value that
 * arrives after the abort goes to `onLate` (to close a stream nobody will read); a late rejection
 * is swallowed.
 * @example const response = await raceAbort(model.request(messages), signal)
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      done = true;
      reject(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (done) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (!done) reject(error);
      },
    );
  });
}

/**
 * Aborts `controller` with `makeError()` after `ms` (no-op when `ms` is undefined). Returns the
 * function that cancels the deadline.
 * @example const cancel = startDeadline(controller, 5_000, () => new ModelTimeoutError(...)); try { ... } finally { cancel() }
 */
export function startDeadline(controller: AbortController, ms: number | undefined, makeError: () => Error): () => void {
  if (ms === undefined) return () => {};
  const timer = setTimeout(() => controller.abort(makeError()), ms);
  return () => clearTimeout(timer);
}
