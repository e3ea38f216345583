import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOOKS = fileURLToPath(new URL('./register-ts-hooks.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** The real `hopscope` CLI run from source as a child process; the caller kills it. */
export interface SpawnedCli {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the viewer's URL once it listens; rejects if it exits first. */
  readonly listening: Promise<string>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

/**
 * Spawns `hopscope <args>` from the TypeScript sources.
 *
 * @example
 * const cli = spawnCli(['--port', '0', '--grpc-port', '0', '--db', dir]);
 * const url = await cli.listening;
 */
export function spawnCli(args: readonly string[]): SpawnedCli {
  const child = spawn(process.execPath, ['--import', HOOKS, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /viewer on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`CLI exited (${code}) before listening:\n${output}`)));
  });
  listening.catch(() => undefined);
  return { child, output: () => output, listening, exited };
}
