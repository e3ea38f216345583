import { Worker } from 'node:worker_threads';
import { decodeOtlpBody } from './otlp-codec.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { parseTraceRequest, type ParsedTraceRequest } from './parse-trace-request.js';

/** Bodies smaller than this are parsed in place: the trip to the worker would cost more. */
const MIN_WORKER_BYTES = 64 * 1024;

interface WorkerAnswer {
  readonly id: number;
  readonly parsed?: ParsedTraceRequest;
  readonly decodeError?: { readonly where: string; readonly problem: string };
  readonly internal?: string;
}

interface Pending {
  readonly body: Uint8Array;
  readonly resolve: (parsed: ParsedTraceRequest) => void;
  readonly reject: (error: unknown) => void;
}

const parseInPlace = (body: Uint8Array): ParsedTraceRequest => parseTraceRequest(decodeOtlpBody('traces', 'json', body));

/**
 * Parses OTLP/JSON trace bodies (JSON.parse and normalisation, the dearest part of a JSON
 * export) on a worker thread, so the receiving thread spends its time on HTTP and the store.
 * Same result and same OtlpDecodeError as in place; small bodies, and everything after the
 * worker fails, are parsed in place.
 *
 * @example
 * const { spans, rejected } = await TraceJsonParser.shared().parse(body);
 */
export class TraceJsonParser {
  private static instance: TraceJsonParser | undefined;
  private worker: Worker | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private constructor(worker: Worker | null) {
    this.worker = worker;
    if (worker === null) return;
    worker.on('message', (answer: WorkerAnswer) => this.settle(answer));
    worker.on('error', () => this.fallBack());
    worker.on('exit', () => this.fallBack());
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
  }

  /** The process-wide parser (its worker does not keep the process alive). */
  static shared(): TraceJsonParser {
    TraceJsonParser.instance ??= new TraceJsonParser(TraceJsonParser.startWorker());
    return TraceJsonParser.instance;
  }

  private static startWorker(): Worker | null {
    // From the TypeScript sources (tests, `node --import register-ts-hooks.ts cli.ts`) the worker
    // is the .ts file and needs the hooks that resolve `.js` imports to `.ts`.
    const fromSources = import.meta.url.endsWith('.ts');
    const file = new URL(fromSources ? './trace-json-worker.ts' : './trace-json-worker.js', import.meta.url);
    const execArgv = fromSources ? [...process.execArgv, '--import', new URL('../testing/register-ts-hooks.ts', import.meta.url).href] : undefined;
    try {
      return new Worker(file, { execArgv });
    } catch {
      return null;
    }
  }

  /** The spans of an OTLP/JSON ExportTraceServiceRequest; rejects with OtlpDecodeError for a bad body. */
  parse(body: Uint8Array): Promise<ParsedTraceRequest> {
    if (this.worker === null || body.length < MIN_WORKER_BYTES) {
      try {
        return Promise.resolve(parseInPlace(body));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const id = this.nextId++;
    const worker = this.worker;
    // Referenced only while a body is in flight, so an idle parser never keeps the process alive.
    if (this.pending.size === 0) worker.ref();
    return new Promise<ParsedTraceRequest>((resolve, reject) => {
      this.pending.set(id, { body, resolve, reject });
      worker.postMessage({ id, body });
    });
  }

  private settle(answer: WorkerAnswer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (answer.parsed) pending.resolve(answer.parsed);
    else if (answer.decodeError) pending.reject(new OtlpDecodeError(answer.decodeError.where, answer.decodeError.problem));
    else pending.reject(new Error(`OTLP/JSON parse worker failed: ${answer.internal ?? 'unknown error'}`));
  }

  /** The worker is gone: what it had is parsed in place, and so is everything after. */
  private fallBack(): void {
    this.worker = null;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      try {
        pending.resolve(parseInPlace(pending.body));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
