/** Limits of the ingest queue: requests being received or written at once, and their declared bytes. */
export interface IngestGateOptions {
  readonly maxPendingRequests?: number;
  readonly maxPendingBytes?: number;
}

/**
 * The bounded ingest queue: a request enters before its body is read and leaves once it is
 * stored. When full, the receiver answers 503 with Retry-After instead of buffering more.
 *
 * @example
 * const gate = new IngestGate({ maxPendingRequests: 32 });
 * const ticket = gate.tryEnter(contentLength); // null when full
 */
export class IngestGate {
  private readonly maxPendingRequests: number;
  private readonly maxPendingBytes: number;
  private pendingRequests = 0;
  private pendingBytes = 0;

  constructor(options: IngestGateOptions = {}) {
    this.maxPendingRequests = options.maxPendingRequests ?? 64;
    this.maxPendingBytes = options.maxPendingBytes ?? 512 * 1024 * 1024;
  }

  /** A release function, or null when the queue is full. */
  tryEnter(declaredBytes: number): (() => void) | null {
    const bytes = Number.isFinite(declaredBytes) && declaredBytes > 0 ? declaredBytes : 0;
    if (this.pendingRequests >= this.maxPendingRequests) return null;
    if (this.pendingRequests > 0 && this.pendingBytes + bytes > this.maxPendingBytes) return null;
    this.pendingRequests += 1;
    this.pendingBytes += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pendingRequests -= 1;
      this.pendingBytes -= bytes;
    };
  }

  get pending(): number {
    return this.pendingRequests;
  }
}
