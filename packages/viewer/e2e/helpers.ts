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
import { afterAll, beforeAll } from 'vitest';

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

type StartViewer = (options: { port: number; host: string; db: string; grpcPort: null; uiDir?: string }) => Promise<{ url?: string; port?: number; close(): Promise<void> | void }>;

/**
 * A real viewer server (`startViewer` of @hopscope/viewer) on an ephemeral port and a temp store,
 * seeded with every fixture unless `seed` is false. It serves the built UI (packages/viewer/dist/ui),
 * or the build in `HOPSCOPE_E2E_UI_DIR` (to run the specs against another build, e.g. an older one).
 *
 * @example
 * const viewer = await startSeededViewer();
 * await page.goto(viewer.url);
 */
export async function startSeededViewer(options: { seed?: boolean } = {}): Promise<RunningViewer> {
  const module = (await import('@hopscope/viewer')) as unknown as { startViewer?: StartViewer };
  if (typeof module.startViewer !== 'function') throw new Error('@hopscope/viewer does not export startViewer yet: the browser specs need the real server');
  const dataDir = await mkdtemp(join(tmpdir(), 'hopscope-e2e-'));
  const uiDir = process.env['HOPSCOPE_E2E_UI_DIR'];
  const server = await module.startViewer({ port: 0, host: '127.0.0.1', db: join(dataDir, 'viewer.db'), grpcPort: null, ...(uiDir ? { uiDir } : {}) });
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

/** A spec's viewer and browser page, set once the spec's `beforeAll` has run. */
export interface BrowserSession {
  readonly viewer: RunningViewer;
  readonly page: Page;
}

/**
 * Registers the spec's set-up and tear-down: a throwaway viewer (seeded unless `seed` is false) and
 * one Chromium page, both closed after the spec.
 *
 * @example
 * const session = useBrowserSession({ seed: false });
 * it('lists', async () => { await session.page.goto(session.viewer.url); });
 */
export function useBrowserSession(options: { seed?: boolean } = {}): BrowserSession {
  const session = {} as { viewer: RunningViewer; page: Page; browser: Browser };
  beforeAll(async () => {
    session.viewer = await startSeededViewer(options);
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.viewer?.close();
  });
  return session;
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

/**
 * Random lowercase hex of `length` digits (trace and span ids of the specs' own traces).
 *
 * @example
 * const traceId = randomHex(32);
 */
export function randomHex(length: number): string {
  return Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

/** OTLP bytes in a spec's attribute values: `{ bytesValue: base64 }` on the wire. */
export interface OtlpBytes {
  readonly bytesBase64: string;
}

/**
 * A plain value as an OTLP JSON AnyValue: strings, booleans, integers and doubles, lists as
 * arrays, objects as kvlists, `{ bytesBase64 }` as bytes.
 *
 * @example
 * toAnyValue({ city: 'Paris' }); // { kvlistValue: { values: [{ key: 'city', value: { stringValue: 'Paris' } }] } }
 */
export function toAnyValue(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  if (typeof value === 'object' && value !== null) {
    if ('bytesBase64' in value) return { bytesValue: (value as OtlpBytes).bytesBase64 };
    return { kvlistValue: { values: toOtlpAttributes(value as Record<string, unknown>) } };
  }
  return {};
}

/**
 * A record as OTLP JSON attributes.
 *
 * @example
 * toOtlpAttributes({ 'gen_ai.request.model': 'gpt-4o' });
 */
export function toOtlpAttributes(record: Record<string, unknown>): Array<{ key: string; value: Record<string, unknown> }> {
  return Object.entries(record).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

/** One span of a spec's own trace; times in milliseconds from now. */
export interface SpecSpan {
  readonly name: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly attributes?: Record<string, unknown>;
  readonly events?: ReadonlyArray<{ readonly name: string; readonly attributes: Record<string, unknown> }>;
  readonly startMs?: number;
}

/**
 * POSTs one trace of `spans` (span i starts i ms after `startMs`, 10 ms long) and returns its ids.
 *
 * @example
 * const { traceId, spanIds } = await postSpans(viewer.url, [{ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } }]);
 */
export async function postSpans(baseUrl: string, spans: readonly SpecSpan[], options: { service?: string; startMs?: number } = {}): Promise<{ traceId: string; spanIds: string[] }> {
  const traceId = randomHex(32);
  const base = BigInt(Math.round(options.startMs ?? Date.now())) * 1_000_000n;
  const wire = spans.map((span, i) => {
    const start = base + BigInt(span.startMs ?? i) * 1_000_000n;
    return {
      traceId,
      spanId: span.spanId ?? randomHex(16),
      parentSpanId: span.parentSpanId ?? '',
      name: span.name,
      kind: 3,
      startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + 10_000_000n),
      attributes: toOtlpAttributes(span.attributes ?? {}),
      events: (span.events ?? []).map((event, j) => ({ name: event.name, timeUnixNano: String(start + BigInt(j)), attributes: toOtlpAttributes(event.attributes) })),
    };
  });
  const resource = { attributes: toOtlpAttributes({ 'service.name': options.service ?? 'e2e-service' }) };
  await postOtlp(baseUrl, { resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'e2e' }, spans: wire }] }] });
  return { traceId, spanIds: wire.map((span) => span.spanId) };
}
