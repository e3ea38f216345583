/**
 * Flush on process end: once on `beforeExit`; on SIGTERM / SIGINT flush then re-raise the signal
 * so the process still ends the way it would have (unless the app handles it itself); and on an
 * uncaught exception or unhandled rejection that nothing else handles, report it as Node would,
 * flush (bounded by FATAL_FLUSH_TIMEOUT_MS) and exit with code 1, so the spans of the run that
 * failed are not lost. `process.exit()` ends the process synchronously and cannot wait for a
 * flush: call the telemetry handle's `shutdown()` before it.
 */
import { writeSync } from 'node:fs';
import { inspect } from 'node:util';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** How long a process that failed waits for its telemetry before it exits. */
export const FATAL_FLUSH_TIMEOUT_MS = 5000;

/** Node's report of an uncaught error: the error, then the Node version. */
function toFatalReport(error: unknown): string {
  return `${inspect(error)}\n\nNode.js ${process.version}\n`;
}

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
  // Listening for uncaught exceptions replaces Node's crash, so this one steps in only when it is
  // the sole listener, and then crashes the way Node would once the flush is done.
  const onFatal = (error: unknown) => {
    if (process.listenerCount('uncaughtException') > 1) return;
    remove();
    process.exitCode = 1;
    try {
      writeSync(2, toFatalReport(error));
    } catch {
      // stderr closed: exit all the same
    }
    const exit = () => process.exit(1);
    setTimeout(exit, FATAL_FLUSH_TIMEOUT_MS);
    shutdown().then(exit, exit);
  };
  const remove = () => {
    process.off('beforeExit', onBeforeExit);
    process.off('uncaughtException', onFatal);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.once('beforeExit', onBeforeExit);
  process.on('uncaughtException', onFatal);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return remove;
}
