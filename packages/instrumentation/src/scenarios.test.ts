/**
 * Runs every shared scenario of fixtures/conversations under versions 1-5 and both content
 * settings. Writes one projected snapshot per (version, scenario, settings) beside this file, and
 * the exported OTLP/JSON to fixtures/otlp/instrumentation for the viewer's tests.
 * Snapshots of v1-v4 are frozen behaviour: a diff there is a breaking change.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './__scenarios__/load-scenarios.js';
import { runScenario } from './__scenarios__/run-scenario.js';
import { runUnderEachVersion } from './testing/index.js';

const OTLP_DIR = '../../../fixtures/otlp/instrumentation';

function toFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

describe.each(loadScenarios())('scenario $name', (scenario) => {
  it.each([
    { includeContent: true, label: 'content' },
    { includeContent: false, label: 'no-content' },
  ])('matches its snapshots under every version ($label)', async ({ includeContent, label }) => {
    const runs = await runUnderEachVersion((context) => runScenario(scenario, context.settings), { settings: { includeContent } });
    for (const run of runs) {
      const snapshot = { scenario: scenario.name, description: scenario.description, version: run.version, includeContent, error: run.error, spans: run.spans, logRecords: run.logRecords, metrics: run.metrics };
      await expect(toFileText(snapshot)).toMatchFileSnapshot(`./__snapshots__/v${run.version}/${scenario.name}.${label}.json`);
      await expect(toFileText(run.otlp)).toMatchFileSnapshot(`${OTLP_DIR}/v${run.version}/${scenario.name}.${label}.json`);
    }
  });
});

describe('version 1 log records', () => {
  it('emits the events as log records in the chat span when eventMode is logs', async () => {
    const scenario = loadScenarios().find((s) => s.name === 'tool-call')!;
    const [run] = await runUnderEachVersion((context) => runScenario(scenario, context.settings), { versions: [1], settings: { eventMode: 'logs' } });
    expect(run?.spans[0]?.attributes['events']).toBeUndefined();
    expect(run?.logRecords.every((record) => record.span === 'chat gpt-4o-mini')).toBe(true);
    await expect(toFileText({ scenario: scenario.name, version: 1, eventMode: 'logs', spans: run?.spans, logRecords: run?.logRecords })).toMatchFileSnapshot(`./__snapshots__/v1/${scenario.name}.logs.json`);
  });
});
