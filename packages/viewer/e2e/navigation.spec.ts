import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, postSpans, readUiFixture, useBrowserSession } from './helpers.js';

const session = useBrowserSession();

describe('trace view keys', () => {
  async function openWaterfall(spanName: string): Promise<{ spanIds: Map<string, string> }> {
    const { traceId, spanIds } = await readUiFixture('ui-fallback-a');
    await session.page.goto('about:blank'); // a fresh trace view: nothing collapsed
    await session.page.goto(`${session.viewer.url}/#/trace/${traceId}/span/${spanIds.get(spanName)}`);
    await session.page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').first().waitFor();
    await session.page.getByRole('article', { name: 'Span detail' }).waitFor();
    return { spanIds };
  }
  const rowCount = () => session.page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').count();

  it('Enter on a focused collapse button toggles that span once, not the selected one again', async () => {
    await openWaterfall('chat gemini-flash');
    const rowsBefore = await rowCount();
    await session.page.getByRole('button', { name: 'Collapse chat gemini-flash' }).focus();
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    expect(await rowCount()).toBe(rowsBefore - 3);
  });

  it('Enter on a focused collapse button leaves the selected span alone', async () => {
    await openWaterfall('invoke_agent support');
    await session.page.getByRole('button', { name: 'Collapse chat gemini-flash' }).focus();
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    expect(await session.page.getByRole('button', { name: 'Collapse invoke_agent support' }).count()).toBe(1);
  });

  it('j/k from a span hidden in a collapsed parent move from that parent, not to the first row', async () => {
    const { spanIds } = await openWaterfall('chat claude-sonnet');
    await session.page.getByRole('button', { name: 'Collapse chat gemini-flash' }).click();
    await session.page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    await session.page.keyboard.press('j');
    await eventually(() => expect(session.page.url()).toContain(`/span/${spanIds.get('execute_tool get_weather')}`));
    await openWaterfall('chat claude-sonnet');
    await session.page.getByRole('button', { name: 'Collapse chat gemini-flash' }).click();
    await session.page.keyboard.press('k');
    await eventually(() => expect(session.page.url()).toContain(`/span/${spanIds.get('chat gemini-flash')}`));
  });
});

describe('trace list pages and filters', () => {
  const SERVICE = 'paging-service';
  const table = () => session.page.getByRole('table', { name: 'Traces' });
  const shownNames = () => table().getByRole('link').allInnerTexts();
  const hashParams = () => new URLSearchParams(new URL(session.page.url()).hash.replace(/^#\/\??/, ''));

  beforeAll(async () => {
    // 60 traces a minute apart, an hour ago: old-00 is the oldest.
    const hourAgo = Date.now() - 3_600_000;
    for (let i = 0; i < 60; i += 1) await postSpans(session.viewer.url, [{ name: `old-${String(i).padStart(2, '0')}` }], { service: SERVICE, startMs: hourAgo + i * 60_000 });
  });

  it('pages on after live rows arrived without skipping a row', async () => {
    await session.page.goto(`${session.viewer.url}/#/?service=${SERVICE}`);
    await table().getByRole('link', { name: 'old-10' }).waitFor();
    await session.page.getByRole('status').getByText('live', { exact: true }).waitFor();
    for (let i = 0; i < 5; i += 1) await postSpans(session.viewer.url, [{ name: `new-${i}` }], { service: SERVICE });
    await eventually(async () => expect(await shownNames()).toContain('new-4'));
    const first = await shownNames();
    await session.page.getByRole('button', { name: 'Next page' }).click();
    await eventually(async () => expect(await shownNames()).toContain('old-00'));
    const shown = new Set([...first, ...(await shownNames())]);
    const missing = Array.from({ length: 60 }, (_, i) => `old-${String(i).padStart(2, '0')}`).filter((name) => !shown.has(name));
    expect(missing).toEqual([]);
  });

  it('keeps the page in the URL: a reload stays on it, Previous page goes back, Esc from a trace returns to it', async () => {
    await session.page.goto(`${session.viewer.url}/#/?service=${SERVICE}`);
    await table().getByRole('link', { name: 'old-59' }).waitFor();
    await session.page.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => expect(hashParams().get('cursor')).toBeTruthy());
    await table().getByRole('link', { name: 'old-00' }).waitFor();
    const secondPage = session.page.url();
    await session.page.reload();
    await table().getByRole('link', { name: 'old-00' }).waitFor();
    expect(await table().getByRole('link', { name: 'old-59' }).count()).toBe(0);
    await table().getByRole('link', { name: 'old-03' }).click();
    await session.page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').first().waitFor();
    await session.page.keyboard.press('Escape');
    await eventually(() => expect(session.page.url()).toBe(secondPage));
    await table().getByRole('link', { name: 'old-03' }).waitFor();
    await session.page.getByRole('button', { name: 'Previous page' }).click();
    await table().getByRole('link', { name: 'old-59' }).waitFor();
    expect(hashParams().get('cursor')).toBeNull();
    expect(hashParams().get('service')).toBe(SERVICE);
  });

  it('Esc from a trace goes back to the filtered list it was opened from', async () => {
    await session.page.goto(`${session.viewer.url}/#/?hasFallback=true`);
    await table().getByRole('link', { name: 'chat fallback:gpt-4o,claude-sonnet' }).click();
    await session.page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').first().waitFor();
    await session.page.keyboard.press('Escape');
    await eventually(() => expect(hashParams().get('hasFallback')).toBe('true'));
    expect(await session.page.getByRole('combobox', { name: 'Fallback' }).inputValue()).toBe('true');
  });

  it('applies the filter form on Enter in any field, with everything typed', async () => {
    await session.page.goto(`${session.viewer.url}/#/`);
    await table().getByRole('row').nth(1).waitFor();
    await session.page.getByLabel('Min cost $').fill('0.001');
    await session.page.getByLabel('Min cost $').press('Enter');
    await eventually(() => expect(hashParams().get('minCostUsd')).toBe('0.001'));
    expect(await session.page.getByLabel('Min cost $').inputValue()).toBe('0.001');
    await session.page.getByLabel('Search content').fill('Paris');
    await session.page.getByLabel('Min tokens').fill('10');
    await session.page.getByLabel('Min tokens').press('Enter');
    await eventually(() => expect([hashParams().get('q'), hashParams().get('minTokens'), hashParams().get('minCostUsd')]).toEqual(['Paris', '10', '0.001']));
  });

  it('keeps focus and typed text when moving between fields', async () => {
    await session.page.goto(`${session.viewer.url}/#/`);
    await table().getByRole('row').nth(1).waitFor();
    await session.page.getByLabel('Max tokens').click();
    await session.page.keyboard.type('5000');
    await session.page.getByLabel('Search content').click();
    await session.page.keyboard.type('weather');
    expect(await session.page.getByLabel('Search content').inputValue()).toBe('weather');
    expect(await session.page.getByLabel('Max tokens').inputValue()).toBe('5000');
    await session.page.keyboard.press('Enter');
    await eventually(() => expect([hashParams().get('q'), hashParams().get('maxTokens')]).toEqual(['weather', '5000']));
    await session.page.getByRole('combobox', { name: 'Fallback' }).selectOption('true');
    await eventually(() => expect(hashParams().get('hasFallback')).toBe('true'));
    expect([hashParams().get('q'), hashParams().get('maxTokens')]).toEqual(['weather', '5000']);
  });
});
