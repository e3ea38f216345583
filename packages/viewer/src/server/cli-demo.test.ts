import { describe, expect, it } from 'vitest';
import { startCliDemo, type CliDemoModule } from './cli-demo.js';

const ENDPOINT = 'http://127.0.0.1:4318';

/** startCliDemo with `load`, collecting what it writes. */
async function run(load: () => Promise<CliDemoModule>): Promise<{ demo: unknown; written: string }> {
  let written = '';
  const demo = await startCliDemo({ otlpEndpoint: ENDPOINT, load, write: (line) => (written += line) });
  return { demo, written };
}

describe('startCliDemo', () => {
  it('starts the demo against the viewer and writes nothing', async () => {
    const handle = { stop: async () => undefined };
    let endpoint = '';
    const { demo, written } = await run(async () => ({ startDemo: async (options) => ((endpoint = options.otlpEndpoint), handle) }));
    expect(demo).toBe(handle);
    expect(endpoint).toBe(ENDPOINT);
    expect(written).toBe('');
  });

  it('a demo whose start fails: one line naming why, no stack, and the viewer keeps running', async () => {
    const { demo, written } = await run(async () => ({
      startDemo: async () => {
        throw new TypeError('configureTelemetry: invalid OTEL_EXPORTER_OTLP_PROTOCOL "grpc"\nmore detail');
      },
    }));
    expect(demo).toBeNull();
    expect(written).toBe(`hopscope: the demo could not start (TypeError: configureTelemetry: invalid OTEL_EXPORTER_OTLP_PROTOCOL "grpc"); the viewer keeps running without it at ${ENDPOINT}\n`);
  });

  it('a demo module that cannot be loaded', async () => {
    const { demo, written } = await run(() => Promise.reject(new Error("Cannot find module '../demo/index.js'")));
    expect(demo).toBeNull();
    expect(written).toBe(`hopscope: the demo could not start (Cannot find module '../demo/index.js'); the viewer keeps running without it at ${ENDPOINT}\n`);
  });
});
