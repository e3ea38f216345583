/**
 * installExitFlush in real child processes: a script that fails with an uncaught error or an
 * unhandled rejection still delivers what its shutdown sends, and still fails the way Node fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const EXIT_FLUSH = fileURLToPath(new URL('./exit-flush.ts', import.meta.url));

let collector: { url: string; bodies: string[]; close: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  collector = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
  dir = mkdtempSync(join(tmpdir(), 'hopscope-exit-flush-'));
});

afterAll(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a script whose shutdown posts `marker` to the collector after a delay, then does `ending`. */
function runScript(marker: string, ending: string): Promise<{ code: number | null; stderr: string }> {
  const script = join(dir, `${marker}.mjs`);
  writeFileSync(
    script,
    `import { installExitFlush } from ${JSON.stringify(EXIT_FLUSH)};
installExitFlush(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await fetch(${JSON.stringify(collector.url)}, { method: 'POST', body: ${JSON.stringify(marker)} });
});
${ending}
`,
  );
  return new Promise((resolve) => {
    execFile(process.execPath, ['--experimental-strip-types', '--no-warnings', script], { timeout: 20_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
    });
  });
}

describe('installExitFlush in a process that fails', () => {
  it('flushes after an uncaught exception, prints it and exits with code 1', async () => {
    const { code, stderr } = await runScript('uncaught', "setTimeout(() => { throw new Error('boom in the script'); }, 1);");
    expect(code).toBe(1);
    expect(stderr).toContain('boom in the script');
    expect(collector.bodies).toContain('uncaught');
  });

  it('flushes after an unhandled rejection, prints it and exits with code 1', async () => {
    const { code, stderr } = await runScript('rejected', "Promise.reject(new Error('rejected in the script'));");
    expect(code).toBe(1);
    expect(stderr).toContain('rejected in the script');
    expect(collector.bodies).toContain('rejected');
  });

  it('leaves an uncaught exception to the app when the app listens for it', async () => {
    const { code } = await runScript(
      'handled',
      "process.on('uncaughtException', (error) => { console.error('app saw', error.message); process.exitCode = 3; });\nsetTimeout(() => { throw new Error('handled by the app'); }, 1);",
    );
    // The app's handler decides: the process ends when its loop is empty, with the app's code, after beforeExit's flush.
    expect(code).toBe(3);
    expect(collector.bodies).toContain('handled');
  });
});
