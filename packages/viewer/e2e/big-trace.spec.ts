import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchBrowser, postOtlp, startSeededViewer, type Browser, type RunningViewer } from './helpers.js';

// A 20k-span trace: a root, 100 children, the rest spread under them; one span deep in the tree
// carries a unique name and attribute value so search has exactly one hit to find.
const SPAN_COUNT = 20_000;
const hex = (n: number, seed: number): string => seed.toString(16).padStart(n, '0');
const TRACE_ID = hex(32, 0xb16);
const spanIdOf = (i: number): string => hex(16, 0x1000 + i);
const NEEDLE_INDEX = 12_345;
const NEEDLE_PARENT = 1 + ((NEEDLE_INDEX - 101) % 100);

function bigTraceExports(): Record<string, unknown>[] {
  const now = BigInt(Date.now()) * 1_000_000n;
  const spans = Array.from({ length: SPAN_COUNT }, (_, i) => ({
    traceId: TRACE_ID,
    spanId: spanIdOf(i),
    parentSpanId: i === 0 ? '' : spanIdOf(i < 101 ? 0 : 1 + ((i - 101) % 100)),
    name: i === 0 ? 'big root' : i === NEEDLE_INDEX ? 'chat needle-span' : `chat model-${i % 7}`,
    kind: 1,
    startTimeUnixNano: String(now + BigInt(i) * 1000n),
    endTimeUnixNano: String(now + BigInt(i) * 1000n + 500_000n),
    attributes: i === 0 ? [] : [
      { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
      { key: 'gen_ai.request.model', value: { stringValue: i === NEEDLE_INDEX ? 'haystack-needle-model' : `model-${i % 7}` } },
    ],
  }));
  const batches: Record<string, unknown>[] = [];
  for (let i = 0; i < spans.length; i += 2000) {
    batches.push({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'big' } }] }, scopeSpans: [{ scope: { name: 'big' }, spans: spans.slice(i, i + 2000) }] }] });
  }
  return batches;
}

let viewer: RunningViewer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  viewer = await startSeededViewer({ seed: false });
  for (const body of bigTraceExports()) await postOtlp(viewer.url, body);
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await viewer?.close();
});

describe('a 20k-span trace', () => {
  it('opens as a virtualised waterfall of every span and loads a span only when selected', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search));
    await page.goto(`${viewer.url}/#/trace/${TRACE_ID}`);
    const waterfall = page.getByRole('treegrid', { name: 'Waterfall' });
    await waterfall.getByRole('row').first().waitFor();
    expect(await waterfall.getAttribute('aria-rowcount')).toBe(String(SPAN_COUNT));
    expect(await waterfall.getByRole('row').count()).toBeLessThan(200);
    expect(requests.some((path) => path.startsWith(`/api/traces/${TRACE_ID}/skeleton`))).toBe(true);
    expect(requests.some((path) => path === `/api/traces/${TRACE_ID}`)).toBe(false);
    expect(requests.some((path) => path.includes('/spans?'))).toBe(false);

    await page.keyboard.press('j');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIdOf(0)}`));
    await page.getByRole('article', { name: 'Span detail' }).getByRole('heading', { name: 'big root' }).waitFor();
    await page.keyboard.press('j');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIdOf(1)}`));
    const detail = page.getByRole('article', { name: 'Span detail' });
    await detail.getByRole('heading', { name: 'chat model-1' }).waitFor();
    await detail.getByText('Span attributes (2)').click();
    await detail.getByRole('table', { name: 'Span attributes' }).getByText('model-1', { exact: true }).waitFor();
    expect(requests.filter((path) => path.includes('/spans?ids=')).length).toBeGreaterThanOrEqual(2);
  });

  it('collapses a subtree, then search by attribute value finds a span inside it and expands its ancestors', async () => {
    await page.goto(`${viewer.url}/#/trace/${TRACE_ID}/span/${spanIdOf(NEEDLE_PARENT)}`);
    const waterfall = page.getByRole('treegrid', { name: 'Waterfall' });
    await page.getByRole('article', { name: 'Span detail' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(Number(await waterfall.getAttribute('aria-rowcount'))).toBeLessThan(SPAN_COUNT));
    await page.keyboard.press('/');
    await page.keyboard.type('HAYSTACK-needle');
    await page.getByRole('status').getByText('1 matching span').waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIdOf(NEEDLE_INDEX)}`));
    await eventually(async () => expect(await waterfall.getAttribute('aria-rowcount')).toBe(String(SPAN_COUNT)));
    await waterfall.getByRole('row', { selected: true }).getByText('chat needle-span').waitFor();
    await page.getByRole('article', { name: 'Span detail' }).getByRole('heading', { name: 'chat needle-span' }).waitFor();
  });
});
