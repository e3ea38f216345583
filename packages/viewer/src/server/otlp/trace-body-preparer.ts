import { Worker } from 'node:worker_threads';
import { fromPreparedSpanWire, toPreparedSpanBatch, type PreparedSpanBatch, type PreparedSpanWire } from '../store/prepared-span.js';
import type { RejectedItem } from './normalized-types.js';
import { decodeOtlpBody } from './otlp-codec.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { IngestOverloadError } from './ingest-overload-error.js';
import { parseTraceProtobuf } from './parse-trace-protobuf.js';
import { parseTraceRequest } from './parse-trace-request.js';

/** A trace export body parsed and prepared for the store. */
export interface PreparedTraceRequest {
  readonly batch: PreparedSpanBatch;
  readonly rejected: RejectedItem[];
}

/** The encodings of a trace export body. */
export type TraceBodyEncoding = 'protobuf' | 'json';

/**
 * Parses an OTLP trace export body (protobuf straight from the wire, JSON through
 * parseTraceRequest) and prepares its spans' rows. Pure; throws OtlpDecodeError for a bad body.
 *
 * @example
 * const { batch, rejected } = parseTraceBody('protobuf', body);
 */
export function parseTraceBody(encoding: TraceBodyEncoding, body: Uint8Array): PreparedTraceRequest {
  const { spans, rejected } = encoding === 'protobuf' ? parseTraceProtobuf(body) : parseTraceRequest(decodeOtlpBody('traces', 'json', body));
  return { batch: toPreparedSpanBatch(spans), rejected };
}

interface WorkerAnswer {
  readonly id: number;
  readonly wire?: PreparedSpanWire;
  readonly rejected?: RejectedItem[];
  readonly decodeError?: { readonly where: string; readonly problem: string };
  readonly internal?: string;
}

interface Pending {
  readonly encoding: TraceBodyEncoding;
  readonly body: Uint8Array;
  readonly resolve: (prepared: PreparedTraceRequest) => void;
  readonly reject: (error: unknown) => void;
}

/** Options of a TraceBodyPreparer. */
export interface TraceBodyPreparerOptions {
  /** Bodies smaller than this are prepared in place (default 32 KiB): the trip to the worker would cost more. */
  readonly minWorkerBytes?: number;
  /** Bodies waiting for or on the worker at most (default 32); past it, IngestOverloadError. */
  readonly maxQueuedBodies?: number;
  /** Their bytes at most (default 256 MiB); past it, IngestOverloadError. */
  readonly maxQueuedBytes?: number;
  /** How often a worker that died is started again (default 3); after that, bodies are prepared in place. */
  readonly maxRestarts?: number;
  /** Starts the worker (tests give a worker that fails); default: trace-prepare-worker. */
  readonly startWorker?: () => Worker;
}

/** Young generation of the prepare worker's heap. */
const PREPARE_WORKER_YOUNG_GENERATION_MB = 64;

function startPrepareWorker(): Worker {
  // From the TypeScript sources (tests, `node --import register-ts-hooks.ts cli.ts`) the worker
  // is the .ts file and needs the hooks that resolve `.js` imports to `.ts`.
  const fromSources = import.meta.url.endsWith('.ts');
  const file = new URL(fromSources ? './trace-prepare-worker.ts' : './trace-prepare-worker.js', import.meta.url);
  // Only the hooks: the parent's own flags may be ones a worker refuses (V8 flags such as
  // --expose-gc) or that change how its code loads (--input-type), and it would then not start.
  const execArgv = fromSources ? ['--import', new URL('../testing/register-ts-hooks.ts', import.meta.url).href] : undefined;
  // A bigger young generation than V8's default: a batch's objects mostly die before a
  // scavenge has to copy them (GC 2.9-3.5 -> 2.4 ms per 512-span batch; RSS after the ingest
  // bench within its run-to-run spread).
  return new Worker(file, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: PREPARE_WORKER_YOUNG_GENERATION_MB } });
}

const settleInPlace = (pending: Pending): void => {
  try {
    pending.resolve(parseTraceBody(pending.encoding, pending.body));
  } catch (error) {
    pending.reject(error);
  }
};

/**
 * Parses trace export bodies and prepares their rows (span facts, stored JSON) on a worker
 * thread, so the receiving thread only handles HTTP and runs SQL. Same result and same
 * OtlpDecodeError as parseTraceBody in place. The queue to the worker is bounded
 * (IngestOverloadError past it). A worker that dies loses nothing: what it had is prepared in
 * place and a new worker is started (a few times, then everything is prepared in place). The
 * worker never keeps the process alive.
 *
 * @example
 * const { batch, rejected } = await TraceBodyPreparer.shared().prepare('protobuf', body);
 * await store.ingestPreparedSpans(batch);
 */
export class TraceBodyPreparer {
  private static instance: TraceBodyPreparer | undefined;
  private readonly options: Required<Omit<TraceBodyPreparerOptions, 'startWorker'>> & Pick<TraceBodyPreparerOptions, 'startWorker'>;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private queuedBytes = 0;
  private nextId = 0;
  private starts = 0;
  private closed = false;

  constructor(options: TraceBodyPreparerOptions = {}) {
    this.options = {
      minWorkerBytes: options.minWorkerBytes ?? 32 * 1024,
      maxQueuedBodies: options.maxQueuedBodies ?? 32,
      maxQueuedBytes: options.maxQueuedBytes ?? 256 * 1024 * 1024,
      maxRestarts: options.maxRestarts ?? 3,
      startWorker: options.startWorker,
    };
  }

  /** The process-wide preparer. */
  static shared(): TraceBodyPreparer {
    TraceBodyPreparer.instance ??= new TraceBodyPreparer();
    return TraceBodyPreparer.instance;
  }

  /** Bodies on or waiting for the worker. */
  get queued(): number {
    return this.pending.size;
  }

  /** The spans of an ExportTraceServiceRequest prepared for the store; rejects with OtlpDecodeError for a bad body, IngestOverloadError when the queue is full. */
  prepare(encoding: TraceBodyEncoding, body: Uint8Array): Promise<PreparedTraceRequest> {
    const worker = body.length < this.options.minWorkerBytes ? null : this.workerOrNull();
    if (worker === null) {
      try {
        return Promise.resolve(parseTraceBody(encoding, body));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.pending.size >= this.options.maxQueuedBodies || (this.pending.size > 0 && this.queuedBytes + body.length > this.options.maxQueuedBytes)) {
      return Promise.reject(new IngestOverloadError(`Trace parse queue is full (${this.pending.size} bodies, ${this.queuedBytes} bytes)`));
    }
    const id = this.nextId++;
    // Referenced only while a body is in flight, so an idle preparer never keeps the process alive.
    if (this.pending.size === 0) worker.ref();
    this.queuedBytes += body.length;
    return new Promise<PreparedTraceRequest>((resolve, reject) => {
      this.pending.set(id, { encoding, body, resolve, reject });
      worker.postMessage({ id, encoding, body });
    });
  }

  /** Stops the worker; bodies it still had are prepared in place. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (worker) await worker.terminate();
    this.fallBack(worker);
  }

  private workerOrNull(): Worker | null {
    if (this.worker !== null || this.closed || this.starts > this.options.maxRestarts) return this.worker;
    this.starts += 1;
    let worker: Worker;
    try {
      worker = (this.options.startWorker ?? startPrepareWorker)();
    } catch {
      return null;
    }
    worker.on('message', (answer: WorkerAnswer) => this.settle(answer));
    worker.on('error', () => this.fallBack(worker));
    worker.on('exit', () => this.fallBack(worker));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private take(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    this.queuedBytes -= pending.body.length;
    if (this.pending.size === 0) this.worker?.unref();
    return pending;
  }

  private settle(answer: WorkerAnswer): void {
    const pending = this.take(answer.id);
    if (!pending) return;
    if (answer.wire) pending.resolve({ batch: fromPreparedSpanWire(answer.wire), rejected: answer.rejected ?? [] });
    else if (answer.decodeError) pending.reject(new OtlpDecodeError(answer.decodeError.where, answer.decodeError.problem));
    else pending.reject(new Error(`Trace prepare worker failed: ${answer.internal ?? 'unknown error'}`));
  }

  /** `worker` is gone: what it had is prepared in place; the next body starts a new worker (within maxRestarts). */
  private fallBack(worker: Worker | null): void {
    if (worker !== null && this.worker !== worker) return;
    this.worker = null;
    for (const id of [...this.pending.keys()]) {
      const pending = this.take(id);
      if (pending) settleInPlace(pending);
    }
  }
}
