#!/usr/bin/env node
/**
 * The `hopscope` command: starts the viewer (and the demo with --demo) and shuts down cleanly
 * on SIGINT/SIGTERM. The only place that reads argv and listens.
 */
import { startCliDemo, type CliDemo, type CliDemoModule } from './cli-demo.js';
import { CLI_USAGE, CliUsageError, parseCliArgs, type CliOptions } from './parse-cli-args.js';

// node:sqlite is still flagged experimental on Node 22; its warning is noise for users.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (/SQLite|type stripping/i.test(text)) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`hopscope: ${error.message}\n\n${CLI_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(CLI_USAGE);
    return;
  }
  const { startViewer, RemoteBindError } = await import('./start-viewer.js');
  let viewer;
  try {
    viewer = await startViewer({ ...options, warn: (message) => process.stderr.write(`${message}\n`) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof RemoteBindError) process.stderr.write(`hopscope: ${error.message}\n`);
    else if (code === 'EADDRINUSE') process.stderr.write(`hopscope: a port is already in use (${(error as Error).message}); choose another with --port / --grpc-port\n`);
    else process.stderr.write(`hopscope: could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Hopscope viewer on ${viewer.url}  (OTLP/HTTP ${viewer.url}/v1/traces, OTLP/gRPC ${viewer.grpcPort ?? 'off'}, data in ${options.db})\n`);
  let demo: CliDemo | null = null;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write(`\n${signal}: shutting down\n`);
    try {
      await demo?.stop();
    } catch (error) {
      process.stderr.write(`hopscope: stopping the demo failed: ${(error as Error).message}\n`);
    } finally {
      await viewer.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (options.demo) {
    const demoPath = '../demo/index.js';
    // A demo that fails to start leaves the viewer running (one line on stderr, no stack).
    demo = await startCliDemo({ otlpEndpoint: viewer.url, load: async () => (await import(demoPath)) as CliDemoModule, write: (line) => process.stderr.write(line) });
    if (demo !== null) process.stdout.write('Demo running: fallback chains are being exported to the viewer.\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`hopscope: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
