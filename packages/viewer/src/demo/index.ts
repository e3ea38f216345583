/**
 * The live demo behind the README's first command: starts the loopback mock provider,
 * instruments everything with `instrumentAll({ export: 'otlp' })` pointed at the viewer, and
 * keeps running real fallback chains through the real SDKs so a newcomer sees hops at once.
 */
import { instrumentAll } from '@hopscope/instrumentation';
import { startMockProvider } from '@hopscope/models/testing';
import { createDemoModels, DEMO_SCENARIOS } from './scenarios.js';

export interface DemoOptions {
  /** The viewer's OTLP/HTTP base URL, e.g. http://127.0.0.1:4318 */
  readonly otlpEndpoint: string;
  /** Pause between scenarios (default 1500 ms). */
  readonly intervalMs?: number;
  /** Stop after this many scenarios (default: run until stopped). */
  readonly maxRuns?: number;
  readonly log?: (line: string) => void;
}

export interface DemoHandle {
  /** Resolves when `maxRuns` scenarios have run (never, without maxRuns). */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * @example
 * const demo = await startDemo({ otlpEndpoint: 'http://127.0.0.1:4318' });
 * await demo.stop();
 */
export async function startDemo(options: DemoOptions): Promise<DemoHandle> {
  const log = options.log ?? ((line: string) => console.log(line));
  const mock = await startMockProvider();
  let uninstall: ReturnType<typeof instrumentAll>;
  try {
    // The endpoint is this viewer's OTLP/HTTP: the protocol is pinned too, so an OTEL_EXPORTER_OTLP_PROTOCOL meant for another collector cannot stop the demo.
    uninstall = instrumentAll({ export: 'otlp', telemetry: { serviceName: 'hopscope-demo', endpoint: options.otlpEndpoint, protocol: 'http/protobuf', flushOnExit: false, metricExportIntervalMs: 5_000 } });
  } catch (error) {
    await mock.close();
    throw error;
  }
  const models = createDemoModels(mock);
  let stopped = false;
  let wake: (() => void) | undefined;

  const loop = async () => {
    for (let i = 0; !stopped && (options.maxRuns === undefined || i < options.maxRuns); i++) {
      const scenario = DEMO_SCENARIOS[i % DEMO_SCENARIOS.length]!;
      try {
        mock.reset(); // no scripted step or reply leaks from one scenario into the next
        await scenario.run(mock, models, i);
        log(`demo: ${scenario.name}: ok`);
      } catch (error) {
        log(`demo: ${scenario.name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      await uninstall.telemetry?.forceFlush().catch(() => undefined);
      if (!stopped) await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.intervalMs ?? 1500).unref();
      });
    }
  };
  const finished = loop();

  return {
    finished,
    async stop() {
      stopped = true;
      wake?.();
      await finished;
      uninstall();
      await uninstall.telemetry?.shutdown();
      await mock.close();
    },
  };
}
