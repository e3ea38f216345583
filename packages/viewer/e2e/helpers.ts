/**
 * Shared set-up for the viewer's browser specs: Debian's Chromium through playwright-core (never a
 * downloaded browser), a throwaway viewer on a temp store seeded from the OTLP fixtures, and one
 * polling helper. The only timeout of the browser specs lives here.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The one default timeout for every wait in the browser specs. */
export const E2E_TIMEOUT_MS = 10_000;
const POLL_MS = 25;

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Fixture folders the viewer is seeded from: what our instrumentation emits, and the UI's own. */
export const FIXTURE_DIRS = [join(REPO_ROOT, 'fixtures/otlp/instrumentation'), join(REPO_ROOT, 'fixtures/otlp/ui')];

export interface Browser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile directory, headless, with our fixed flags.
 *
 * @example
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'hopscope-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `check` until it stops throwing, then returns its value; rethrows the last failure after
 * the default timeout.
 *
 * @example
 * await eventually(async () => expect(await page.getByRole('row').count()).toBeGreaterThan(3));
 */
export async function eventually<T>(check: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + E2E_TIMEOUT_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

async function listJsonFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.strings.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Every OTLP JSON fixture file of both folders, parsed.
 *
 * @example
 * const exports = await readOtlpFixtures();
 */
export async function readOtlpFixtures(): Promise<Array<{ file: string; body: Record<string, unknown> }>> {
  const files = (await Promise.all(FIXTURE_DIRS.map(listJsonFiles))).flat();
  const parsed = await Promise.all(files.map(async (file) => ({ file, body: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> })));
  return parsed.filter(({ body }) => 'resourceSpans' in body || 'resourceLogs' in body);
}

/**
 * POSTs one OTLP JSON export to the viewer (`/v1/traces` or `/v1/logs` by its content).
 *
 * @example
 * await postOtlp(viewer.url, body);
 */
export async function postOtlp(baseUrl: string, body: Record<string, unknown>): Promise<void> {
  const path = 'resourceLogs' in body ? '/v1/logs' : '/v1/traces';
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

export interface RunningViewer {
  readonly url: string;
  close(): Promise<void>;
}

type StartViewer = (options: { port: number; host: string; db: string; grpcPort: null }) => Promise<{ url?: string; port?: number; close(): Promise<void> | void }>;

/**
 * A real viewer server (`startViewer` of @hopscope/viewer) on an ephemeral port and a temp store,
 * seeded with every fixture unless `seed` is false.
 *
 * @example
 * const viewer = await startSeededViewer();
 * await page.goto(viewer.url);
 */
export async function startSeededViewer(options: { seed?: boolean } = {}): Promise<RunningViewer> {
  const module = (await import('@hopscope/viewer')) as unknown as { startViewer?: StartViewer };
  if (typeof module.startViewer !== 'function') throw new Error('@hopscope/viewer does not export startViewer yet: the browser specs need the real server');
  const dataDir = await mkdtemp(join(tmpdir(), 'hopscope-e2e-'));
  const server = await module.startViewer({ port: 0, host: '127.0.0.1', db: join(dataDir, 'viewer.db'), grpcPort: null });
  const url = server.url ?? `http://127.0.0.1:${server.port}`;
  if (options.seed !== false) for (const { body } of await readOtlpFixtures()) await postOtlp(url, body);
  return {
    url: url.replace(/\/$/, ''),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The trace id and the span ids (by span name, first span of a name wins) of one of the UI's own fixtures.
 *
 * @example
 * const { traceId, spanIds } = await readUiFixture('ui-v4-parts');
 */
export async function readUiFixture(name: string): Promise<{ traceId: string; spanIds: Map<string, string> }> {
  const body = JSON.parse(await readFile(join(REPO_ROOT, 'fixtures/otlp/ui', `${name}.json`), 'utf8')) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; name: string }> }> }>;
  };
  const spans = body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const spanIds = new Map<string, string>();
  for (const span of spans) if (!spanIds.has(span.name)) spanIds.set(span.name, span.spanId);
  return { traceId: spans[0]!.traceId, spanIds };
}
