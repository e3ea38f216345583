import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli, type SpawnedCli } from './testing/spawn-cli.js';

const clis: SpawnedCli[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const cli of clis.splice(0)) cli.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hopscope-cli-'));
  dirs.push(dir);
  return dir;
};

const start = (db: string): SpawnedCli => {
  const cli = spawnCli(['--port', '0', '--grpc-port', '0', '--db', db]);
  clis.push(cli);
  return cli;
};

/** A stack trace line, which an expected start-up failure must not print. */
const STACK_LINE = /^\s+at /m;

describe('hopscope CLI start-up failures', () => {
  it('a second viewer on the same --db is refused with exit code 1, naming the directory and the first pid; the first keeps serving', async () => {
    const dir = tempDir();
    const first = start(dir);
    const url = await first.listening;
    const second = start(dir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`^hopscope: could not start: the Hopscope store ${dir} is in use by another process \\(pid ${first.child.pid}, since [^)]+\\); .*choose another --db\\n$`));
    expect(second.output()).not.toMatch(STACK_LINE);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('a --db that is not a store is refused with exit code 1, naming the path and what to do', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello\n');
    const cli = start(file);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(new RegExp(`^hopscope: could not start: ${file} is a file, not a data directory, and not a Hopscope store \\(not an SQLite database\\): choose another --db .*move the file away\\n$`));
    expect(cli.output()).not.toMatch(STACK_LINE);
  });
});
