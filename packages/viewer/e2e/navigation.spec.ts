import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchBrowser, readUiFixture, startSeededViewer, type Browser, type RunningViewer } from './helpers.js';

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

describe('trace view keys', () => {
  async function openWaterfall(spanName: string): Promise<{ spanIds: Map<string, string> }> {
    const { traceId, spanIds } = await readUiFixture('ui-fallback-a');
    await page.goto('about:blank'); // a fresh trace view: nothing collapsed
    await page.goto(`${viewer.url}/#/trace/${traceId}/span/${spanIds.get(spanName)}`);
    await page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').first().waitFor();
    await page.getByRole('article', { name: 'Span detail' }).waitFor();
    return { spanIds };
  }
  const rowCount = () => page.getByRole('treegrid', { name: 'Waterfall' }).getByRole('row').count();

  it('Enter on a focused collapse button toggles that span once, not the selected one again', async () => {
    await openWaterfall('chat gemini-flash');
    const rowsBefore = await rowCount();
    await page.getByRole('button', { name: 'Collapse chat gemini-flash' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    expect(await rowCount()).toBe(rowsBefore - 3);
  });

  it('Enter on a focused collapse button leaves the selected span alone', async () => {
    await openWaterfall('invoke_agent support');
    await page.getByRole('button', { name: 'Collapse chat gemini-flash' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    expect(await page.getByRole('button', { name: 'Collapse invoke_agent support' }).count()).toBe(1);
  });

  it('j/k from a span hidden in a collapsed parent move from that parent, not to the first row', async () => {
    const { spanIds } = await openWaterfall('chat claude-sonnet');
    await page.getByRole('button', { name: 'Collapse chat gemini-flash' }).click();
    await page.getByRole('button', { name: 'Expand chat gemini-flash' }).waitFor();
    await page.keyboard.press('j');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIds.get('execute_tool get_weather')}`));
    await openWaterfall('chat claude-sonnet');
    await page.getByRole('button', { name: 'Collapse chat gemini-flash' }).click();
    await page.keyboard.press('k');
    await eventually(() => expect(page.url()).toContain(`/span/${spanIds.get('chat gemini-flash')}`));
  });
});
