/** What the CLI needs of the demo module (src/demo), loaded only with --demo. */
export interface CliDemoModule {
  startDemo(options: { otlpEndpoint: string }): Promise<{ stop(): Promise<void> }>;
}

/** A running demo, as the CLI stops it. */
export interface CliDemo {
  stop(): Promise<void>;
}

const toMessage = (error: unknown): string => (error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)).split('\n')[0]!;

/**
 * Loads and starts the demo for `hopscope --demo`. A demo that cannot load or start is not
 * fatal: the viewer is already listening and useful without it, so this writes one line saying
 * why (never a stack) and resolves null, and the viewer keeps running.
 *
 * @example
 * const demo = await startCliDemo({ otlpEndpoint: viewer.url, load: () => import('../demo/index.js'), write: (line) => process.stderr.write(line) });
 */
export async function startCliDemo(options: { otlpEndpoint: string; load: () => Promise<CliDemoModule>; write: (line: string) => void }): Promise<CliDemo | null> {
  try {
    const { startDemo } = await options.load();
    return await startDemo({ otlpEndpoint: options.otlpEndpoint });
  } catch (error) {
    options.write(`hopscope: the demo could not start (${toMessage(error)}); the viewer keeps running without it at ${options.otlpEndpoint}\n`);
    return null;
  }
}
