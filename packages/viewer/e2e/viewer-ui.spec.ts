import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchBrowser, postOtlp, readUiFixture, startSeededViewer, type Browser, type RunningViewer } from './helpers.js';

let viewer: RunningViewer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  viewer = await startSeededViewer();
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await viewer?.close();
});

async function openSpan(fixture: string, spanName: string): Promise<void> {
  const { traceId, spanIds } = await readUiFixture(fixture);
  await page.goto(`${viewer.url}/#/trace/${traceId}/span/${spanIds.get(spanName)}`);
  await page.getByRole('article', { name: 'Span detail' }).waitFor();
}

describe('trace list', () => {
  it('lists the seeded traces with tokens, cost (unknown when unpriced) and the fallback badge', async () => {
    await page.goto(viewer.url);
    const table = page.getByRole('table', { name: 'Traces' });
    await table.getByRole('link', { name: 'invoke_agent support' }).first().waitFor();
    const fallbackRow = table.getByRole('row').filter({ hasText: 'claude-sonnet, gemini-flash, gpt-4o' });
    expect(await fallbackRow.getByText('fallback · 2 failed', { exact: true }).count()).toBe(1);
    const unpriced = table.getByRole('row').filter({ hasText: 'claude-3-5-sonnet' });
    expect(await unpriced.getByRole('cell', { name: 'unknown' }).count()).toBe(1);
    expect(await unpriced.getByRole('cell', { name: '50 / 5' }).count()).toBe(1);
  });

  it('shows cache read, cache write and reasoning tokens apart in a trace row, only when not zero', async () => {
    await postPlainCallTrace({ service: 'cache-service', tokens: { input_tokens: 900, output_tokens: 40, 'cache_read.input_tokens': 1200, 'cache_creation.input_tokens': 300, 'reasoning.output_tokens': 80 } });
    await page.goto(viewer.url);
    const table = page.getByRole('table', { name: 'Traces' });
    const row = table.getByRole('row').filter({ hasText: 'cache-service' });
    await row.getByRole('cell', { name: '900 / 40' }).getByText('cache read 1,200 · cache write 300 · reasoning 80', { exact: true }).waitFor();
    await table.getByRole('row').filter({ hasText: 'claude-3-5-sonnet' }).getByText('cache write 11', { exact: true }).waitFor();
    const noExtras = table.getByRole('row').filter({ hasText: 'claude-sonnet, gemini-flash, gpt-4o' });
    expect(await noExtras.getByText(/cache|reasoning/).count()).toBe(0);
  });

  it('filters by URL: only fallback traces', async () => {
    await page.goto(`${viewer.url}/#/?hasFallback=true`);
    const table = page.getByRole('table', { name: 'Traces' });
    await table.getByRole('link', { name: 'chat fallback:gpt-4o,claude-sonnet' }).waitFor();
    const rows = table.getByRole('row').filter({ has: page.getByRole('checkbox') });
    await eventually(async () => expect(await rows.count()).toBe(await rows.filter({ has: page.getByText(/^fallback( · \d+ (failed|not tried))*$/) }).count()));
    expect(await rows.filter({ hasText: 'legacy-sdk' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Fallback' }).inputValue()).toBe('true');
  });

  it('shows a trace posted while the page is open; pausing holds rows back until resumed', async () => {
    await page.goto(viewer.url);
    const table = page.getByRole('table', { name: 'Traces' });
    await table.getByRole('row').nth(1).waitFor();
    await postOtlp(viewer.url, liveTrace('live-one'));
    await table.getByRole('link', { name: 'live root live-one' }).waitFor();
    await page.getByRole('button', { name: 'Pause live' }).click();
    await page.getByRole('status').getByText('live updates paused').waitFor();
    await postOtlp(viewer.url, liveTrace('live-two'));
    expect(await table.getByRole('link', { name: 'live root live-two' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resume live' }).click();
    await table.getByRole('link', { name: 'live root live-two' }).waitFor();
    await postOtlp(viewer.url, liveTrace('live-three'));
    await table.getByRole('link', { name: 'live root live-three' }).waitFor();
  });
});

describe('chat rendering', () => {
  for (const version of [2, 3, 4, 5]) {
    it(`renders every part type of v${version}`, async () => {
      await openSpan(`ui-v${version}-parts`, 'chat gpt-4o');
      const chat = page.getByRole('region', { name: 'Conversation' });
      await chat.getByText(`v${version} instructions`).waitFor();
      await chat.getByText(`v${version} user asks for the weather`).waitFor();
      await chat.getByRole('region', { name: 'tool call get_weather' }).getByText('"city": "Paris"').waitFor();
      await chat.getByRole('region', { name: 'tool return get_weather' }).waitFor();
      await chat.getByText(`v${version} answer: sunny`).waitFor();
      expect(await chat.getByRole('link', { name: 'https://example.com/cat.png' }).count()).toBe(1);
      const inline = chat.getByRole('img', { name: 'inline image (image/png)' });
      expect(await inline.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      const thinking = chat.getByText(`v${version} private reasoning`);
      expect(await thinking.isVisible()).toBe(false);
      await chat.getByText('Thinking').click();
      await thinking.waitFor({ state: 'visible' });
      await chat.getByText(/uploaded/).first().waitFor();
    });
  }

  it('renders an unknown part type as a generic card (v2)', async () => {
    await openSpan('ui-v2-parts', 'chat gpt-4o');
    await page.getByRole('region', { name: 'unknown part hologram' }).getByText('"beam": "blue"').waitFor();
  });

  it('never renders an SVG blob as an image (v4)', async () => {
    await openSpan('ui-v4-parts', 'chat gpt-4o');
    await page.getByRole('figure', { name: 'blob image (image/svg+xml)' }).waitFor();
    expect(await page.locator('img[src^="data:image/svg"]').count()).toBe(0);
  });

  const v1Sources: Array<[string, string]> = [
    ['ui-v1-events', 'v1'],
    ['ui-v1-logs', 'v1-logs'],
  ];
  for (const [fixture, prefix] of v1Sources) {
    it(`renders v1 events from ${fixture}`, async () => {
      await openSpan(fixture, 'chat gpt-4o');
      const chat = page.getByRole('region', { name: 'Conversation' });
      await chat.getByText(`${prefix} instructions`).waitFor();
      await chat.getByText(`${prefix} user asks`).waitFor();
      await chat.getByRole('region', { name: 'tool call get_weather' }).waitFor();
      await chat.getByText(`${prefix} answer: sunny`).waitFor();
      await chat.getByRole('img', { name: 'inline image (image/png)' }).waitFor();
    });
  }

  it('renders other instrumentations (structured values, text/response variants) and legacy prompts', async () => {
    await openSpan('ui-other-structured', 'chat claude-3-5-sonnet');
    let chat = page.getByRole('region', { name: 'Conversation' });
    await chat.getByText('other-sdk user text').waitFor();
    await chat.getByText('other-sdk answer via text key').waitFor();
    await chat.getByRole('region', { name: 'tool call lookup' }).getByText('"q": "x"').waitFor();
    await chat.getByRole('region', { name: 'tool return lookup' }).getByText('"ok": true').waitFor();
    await openSpan('ui-legacy-prompt', 'openai.chat');
    chat = page.getByRole('region', { name: 'Conversation' });
    await chat.getByText('legacy prompt text').waitFor();
    await chat.getByText('legacy completion text').waitFor();
  });

  it('says so when content was not captured', async () => {
    await openSpan('ui-scrubbed', 'chat gpt-4o');
    await page.getByText('text: content not captured').waitFor();
    await page.getByText('media: content not captured').waitFor();
    await page.getByText('arguments: content not captured').waitFor();
  });

  it('shows agent runs and tool spans of v5 and v1', async () => {
    await openSpan('ui-fallback-a', 'invoke_agent support');
    await page.getByRole('list', { name: 'All messages' }).getByText('agent question').waitFor();
    expect(await page.getByRole('region', { name: 'Fallback hops' }).count()).toBe(0);
    await openSpan('ui-fallback-a', 'execute_tool get_weather');
    await page.getByRole('region', { name: 'Tool call' }).getByText('tool result: snow').waitFor();
    await openSpan('ui-v1-tool', 'running tool');
    await page.getByRole('region', { name: 'Tool call' }).getByText('"v1arg": true').waitFor();
  });
});

describe('hops, navigation and compare', () => {
  it('shows the hop strip with the winner and the waste of failed hops', async () => {
    await openSpan('ui-fallback-a', 'chat gemini-flash');
    const strip = page.getByRole('region', { name: 'Fallback hops' });
    await strip.getByText('Fallback chain · 3 hops').waitFor();
    expect(await strip.getByRole('listitem').count()).toBe(3);
    const failed = strip.getByRole('listitem', { name: 'hop 1' });
    await failed.getByText('ModelHTTPError').waitFor();
    // Failed without usage: no charge, as the trace total and the waste line count it, never "unknown".
    await failed.getByText(/no usage reported · no charge$/).waitFor();
    expect(await failed.getByText(/unknown/).count()).toBe(0);
    await strip.getByRole('listitem', { name: 'hop 3' }).getByText('winner').waitFor();
    await strip.getByText('Failed hops: 2 · wasted 52 tokens · $0.0011').waitFor();
    await page.getByText(/ · fallback · 2 failed$/).waitFor();
  });

  it('shows a hop skipped by cooldown as not tried (strip, trace header, list badge), and a tried hop without a price as unknown, never $0', async () => {
    const { traceId, callId } = await postCooldownTrace();
    await page.goto(`${viewer.url}/#/trace/${traceId}/span/${callId}`);
    const strip = page.getByRole('region', { name: 'Fallback hops' });
    await strip.getByText('Fallback chain · 3 hops').waitFor();
    const skipped = strip.getByRole('listitem', { name: 'hop 1' });
    await skipped.getByText('skipped', { exact: true }).waitFor();
    await skipped.getByText(/not tried .* no charge$/).waitFor();
    expect(await skipped.getByText(/unknown|\$0/).count()).toBe(0);
    const unpriced = strip.getByRole('listitem', { name: 'hop 2' });
    await unpriced.getByText(/7 in \/ 0 out · unknown/).waitFor();
    expect(await unpriced.getByText(/not tried/).count()).toBe(0);
    await strip.getByRole('listitem', { name: 'hop 3' }).getByText('winner').waitFor();
    await page.getByText(/ · fallback · 1 failed · 1 not tried$/).waitFor();
    await page.goto(viewer.url);
    const row = page.getByRole('table', { name: 'Traces' }).getByRole('row').filter({ hasText: 'cooldown-service' });
    await row.getByText('fallback · 1 failed · 1 not tried', { exact: true }).waitFor();
  });

  it('labels a pydantic-ai fallback:a,b span "hops not instrumented"', async () => {
    await openSpan('ui-pydantic-fallback', 'chat fallback:gpt-4o,claude-sonnet');
    const strip = page.getByRole('region', { name: 'Fallback hops' });
    await strip.getByText('hops not instrumented').waitFor();
    expect(await strip.getByRole('listitem').count()).toBe(2);
  });

  it('moves with j/k, searches with / and keeps the selection in the URL', async () => {
    const { traceId, spanIds } = await readUiFixture('ui-fallback-a');
    await page.goto(`${viewer.url}/#/trace/${traceId}`);
    const waterfall = page.getByRole('treegrid', { name: 'Waterfall' });
    await waterfall.getByRole('row').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIds.get('chat gemini-flash')}`));
    await page.keyboard.press('k');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIds.get('invoke_agent support')}`));
    await page.keyboard.press('/');
    await page.keyboard.type('rejected');
    await page.getByRole('status').getByText('1 matching span').waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIds.get('chat claude-sonnet')}`));
  });

  it('compares two traces hop by hop with deltas', async () => {
    const a = await readUiFixture('ui-fallback-a');
    const b = await readUiFixture('ui-fallback-b');
    await page.goto(`${viewer.url}/#/compare/${a.traceId}/${b.traceId}`);
    const calls = page.getByRole('table', { name: 'Calls and hops' });
    await calls.getByRole('rowheader', { name: 'call 1 · hop 3' }).waitFor();
    const firstHop = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1 · hop 1' }) });
    await firstHop.getByText('+130 ms').waitFor();
    await firstHop.getByText('+80').waitFor();
    // A's hop 1 failed without usage: no charge, so the cost delta is B's price, not "unknown".
    await firstHop.getByText('no charge').waitFor();
    await firstHop.getByRole('cell', { name: '+$0.0009', exact: true }).waitFor();
    expect(await firstHop.getByText('unknown').count()).toBe(0);
    const call = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1', exact: true }) });
    await call.getByRole('cell', { name: '−$0.0006', exact: true }).waitFor();
    // B has no hop 2: nothing to subtract.
    const secondHop = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1 · hop 2' }) });
    expect(await secondHop.getByRole('cell', { name: '—', exact: true }).count()).toBe(4);
    await page.getByRole('table', { name: 'Totals' }).getByRole('row', { name: /Tokens/ }).getByText('−52').waitFor();
  });

  it('compares a skipped hop as 0 ms, 0 tokens, $0 against a tried one', async () => {
    const a = await readUiFixture('ui-fallback-a');
    const { traceId } = await postCooldownTrace();
    await page.goto(`${viewer.url}/#/compare/${a.traceId}/${traceId}`);
    const calls = page.getByRole('table', { name: 'Calls and hops' });
    const firstHop = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1 · hop 1' }) });
    await firstHop.getByText(/not tried/).waitFor();
    expect(await firstHop.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['−120 ms', '±0', '±0']));
    expect(await firstHop.getByText('unknown').count()).toBe(0);
  });

  it('lines up a plain call with a fallback call on the call row, the hops below it', async () => {
    const a = await readUiFixture('ui-fallback-a');
    const { traceId } = await postPlainCallTrace({ service: 'plain-service', tokens: { input_tokens: 60, output_tokens: 20 }, costUsd: 0.0004 });
    await page.goto(`${viewer.url}/#/compare/${a.traceId}/${traceId}`);
    const calls = page.getByRole('table', { name: 'Calls and hops' });
    const call = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1', exact: true }) });
    await call.getByText(/fallback, hop 3 of 3 won/).waitFor();
    expect(await call.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['−760 ms', '−52', '−$0.0011']));
    const winningHop = calls.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'call 1 · hop 3' }) });
    expect(await winningHop.getByRole('cell', { name: '—', exact: true }).count()).toBe(4);
    expect(await calls.getByRole('rowheader').allInnerTexts()).toEqual(['call 1', 'call 1 · hop 1', 'call 1 · hop 2', 'call 1 · hop 3']);
  });
});

function liveTrace(name: string): Record<string, unknown> {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'live-service' } }] },
        scopeSpans: [{ scope: { name: 'live' }, spans: [{ traceId: hex(32), spanId: hex(16), name: `live root ${name}`, kind: 1, startTimeUnixNano: String(now), endTimeUnixNano: String(now + 5_000_000n) }] }],
      },
    ],
  };
}

/** A trace of one plain chat call (40 ms) with the given `gen_ai.usage.*` tokens and an optional price. */
async function postPlainCallTrace(options: { service: string; tokens: Record<string, number>; costUsd?: number }): Promise<{ traceId: string }> {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const now = BigInt(Date.now()) * 1_000_000n;
  const traceId = hex(32);
  const attributes = [
    { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
    { key: 'gen_ai.request.model', value: { stringValue: 'plain-model' } },
    ...Object.entries(options.tokens).map(([key, value]) => ({ key: `gen_ai.usage.${key}`, value: { intValue: String(value) } })),
    ...(options.costUsd === undefined ? [] : [{ key: 'operation.cost', value: { doubleValue: options.costUsd } }]),
  ];
  await postOtlp(viewer.url, {
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: options.service } }] },
      scopeSpans: [{ scope: { name: 'plain' }, spans: [{ traceId, spanId: hex(16), name: 'chat plain-model', kind: 3, startTimeUnixNano: String(now), endTimeUnixNano: String(now + 40_000_000n), attributes }] }],
    }],
  });
  return { traceId };
}

/** A fallback call whose first hop was skipped by cooldown, the second tried without a price, the third won. */
async function postCooldownTrace(): Promise<{ traceId: string; callId: string }> {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const now = BigInt(Date.now()) * 1_000_000n;
  const traceId = hex(32);
  const callId = hex(16);
  const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
  const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });
  const span = (spanId: string, parentSpanId: string, name: string, startMs: number, attributes: unknown[]) => ({
    traceId, spanId, parentSpanId, name, kind: 3,
    startTimeUnixNano: String(now + BigInt(startMs) * 1_000_000n), endTimeUnixNano: String(now + BigInt(startMs + 40) * 1_000_000n), attributes,
  });
  const hop = (index: number, outcome: string, extra: unknown[]) =>
    span(hex(16), callId, `chat m${index}`, index * 50, [str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', `m${index}`), str('gen_ai.provider.name', `p${index}`), int('hopscope.hop.index', index), int('hopscope.hop.count', 3), str('hopscope.hop.outcome', outcome), ...extra]);
  await postOtlp(viewer.url, {
    resourceSpans: [{
      resource: { attributes: [str('service.name', 'cooldown-service')] },
      scopeSpans: [{ scope: { name: 'cooldown' }, spans: [
        span(callId, '', 'chat m2', 0, [str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', 'm2')]),
        hop(0, 'skipped', [{ key: 'hopscope.hop.winner', value: { boolValue: false } }]),
        hop(1, 'error', [{ key: 'hopscope.hop.winner', value: { boolValue: false } }, int('gen_ai.usage.input_tokens', 7)]),
        hop(2, 'ok', [{ key: 'hopscope.hop.winner', value: { boolValue: true } }, int('gen_ai.usage.input_tokens', 7), int('gen_ai.usage.output_tokens', 3), { key: 'operation.cost', value: { doubleValue: 0.001 } }]),
      ] }],
    }],
  });
  return { traceId, callId };
}
