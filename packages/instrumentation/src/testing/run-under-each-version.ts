/**
 * Runs one scenario under every span-format version, each with fresh in-memory telemetry.
 */
import type { InstrumentationSettings, InstrumentationOptions } from '../settings.js';
import { INSTRUMENTATION_VERSIONS, type InstrumentationVersion } from '../semconv/versions.js';
import { createTestTelemetry, type TestTelemetry } from './test-telemetry.js';
import type { ProjectedSpan } from './project-spans.js';
import type { ProjectedLogRecord, ProjectedMetric } from './project-signals.js';
import type { OtlpTraceRequestJson } from './otlp-json.js';

/** What a scenario receives: the settings to instrument with, for one version. */
export interface ScenarioContext {
  readonly version: InstrumentationVersion;
  readonly settings: InstrumentationSettings;
  readonly telemetry: TestTelemetry;
}

/** The outcome of one version's run. `error` holds what the scenario threw, if anything. */
export interface VersionRun {
  readonly version: InstrumentationVersion;
  readonly spans: ProjectedSpan[];
  readonly logRecords: ProjectedLogRecord[];
  readonly metrics: ProjectedMetric[];
  readonly otlp: OtlpTraceRequestJson;
  readonly error?: { readonly name: string; readonly message: string };
}

/**
 * @example
 * const runs = await runUnderEachVersion(async ({ settings }) => {
 *   await new InstrumentedModel(new TestModel(), settings).request([modelRequest([userPrompt('hi')])]);
 * });
 * for (const run of runs) expect(run.spans).toMatchSnapshot(`v${run.version}`);
 */
export async function runUnderEachVersion(
  scenario: (context: ScenarioContext) => Promise<unknown>,
  options: { readonly settings?: Omit<InstrumentationOptions, 'version' | 'tracerProvider' | 'meterProvider' | 'loggerProvider'>; readonly versions?: readonly InstrumentationVersion[] } = {},
): Promise<VersionRun[]> {
  const runs: VersionRun[] = [];
  for (const version of options.versions ?? INSTRUMENTATION_VERSIONS) {
    const telemetry = createTestTelemetry();
    const settings = telemetry.settings({ ...options.settings, version });
    let error: VersionRun['error'];
    try {
      await scenario({ version, settings, telemetry });
    } catch (caught) {
      error = caught instanceof Error ? { name: caught.name, message: caught.message } : { name: 'Error', message: String(caught) };
    }
    const run = { version, spans: telemetry.projectSpans(), logRecords: telemetry.projectLogRecords(), metrics: await telemetry.collectMetrics(), otlp: telemetry.toOtlpJson() };
    runs.push(error ? { ...run, error } : run);
    await telemetry.shutdown();
  }
  return runs;
}
