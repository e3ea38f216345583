import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, readUiFixture, startSeededViewer, type Browser, type RunningViewer } from './helpers.js';

let viewer: RunningViewer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  viewer = await startSeededViewer();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await viewer?.close();
});

describe('untrusted model output', () => {
  it('shows the XSS corpus literally: no dialog, no script, no injected element', async () => {
    const corpus = JSON.parse(await readFile(fileURLToPath(new URL('../../../fixtures/otlp/ui/xss-corpus.strings.json', import.meta.url)), 'utf8')) as string[];
    const { traceId, spanIds } = await readUiFixture('ui-xss');
    await page.goto(`${viewer.url}/#/`);
    await page.getByRole('link', { name: 'chat <script>window.__xss=1</script>' }).waitFor();
    await page.goto(`${viewer.url}/#/trace/${traceId}/span/${spanIds.get('chat <script>window.__xss=1</script>')}`);
    const input = page.getByRole('list', { name: 'Input messages' });
    await input.getByText(corpus[0]!, { exact: true }).waitFor();
    for (const text of corpus) {
      expect(await input.getByText(text, { exact: true }).count(), text).toBeGreaterThanOrEqual(1);
    }
    await page.getByRole('region', { name: 'tool call <img src=x onerror=alert(1)>' }).waitFor();
    await page.getByText('javascript:window.__xss=1', { exact: true }).first().waitFor();
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('main script, main iframe, main svg, main style').count()).toBe(0);
    expect(await page.locator('main img[src="x"], main a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
  });
});
