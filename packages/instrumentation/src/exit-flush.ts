/**
 * Flush on process end: once on `beforeExit`, and on SIGTERM / SIGINT flush then re-raise the
 * signal so the process still ends the way it would have (unless the app handles it itself).
 */

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Installs the handlers; returns a function that removes them.
 * @example const remove = installExitFlush(() => telemetry.shutdown());
 */
export function installExitFlush(shutdown: () => Promise<void>): () => void {
  const onBeforeExit = () => {
    void shutdown();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    void shutdown().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const remove = () => {
    process.off('beforeExit', onBeforeExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.once('beforeExit', onBeforeExit);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return remove;
}
