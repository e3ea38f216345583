/** Limits of the ingest queue: requests being received or written at once, and the bytes their bodies hold. */
export interface IngestGateOptions {
  readonly maxPendingRequests?: number;
  readonly maxPendingBytes?: number;
}

/** One request inside the gate, counted until it is released. */
export interface IngestTicket {
  /**
   * Counts the request at `bytes` (what its body holds so far, after decompression) when that
   * is more than it is counted at; false, counting nothing, when that would take the pending
   * bytes past the budget while other requests are pending.
   */
  grow(bytes: number): boolean;
  /** Leaves the gate (again: a no-op). */
  release(): void;
}

/**
 * The bounded ingest queue: a request enters before its body is read, is counted at what its
 * body really holds as it is read (a chunked body declares nothing, a gzip body only its
 * compressed size), and leaves once it is stored. When full, the receiver answers 503 with
 * Retry-After instead of buffering more. A request alone may pass the byte budget (the request
 * size limit bounds it), so one big export is never refused forever.
 *
 * @example
 * const gate = new IngestGate({ maxPendingRequests: 32 });
 * const ticket = gate.enter(contentLength); // null when full
 * if (ticket && !ticket.grow(bodyBytesSoFar)) { ... } // answer 503
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

  /** A ticket counted at `declaredBytes` (e.g. Content-Length), or null when the queue is full. */
  enter(declaredBytes: number): IngestTicket | null {
    let counted = Number.isFinite(declaredBytes) && declaredBytes > 0 ? declaredBytes : 0;
    if (this.pendingRequests >= this.maxPendingRequests) return null;
    if (this.pendingRequests > 0 && this.pendingBytes + counted > this.maxPendingBytes) return null;
    this.pendingRequests += 1;
    this.pendingBytes += counted;
    let released = false;
    return {
      grow: (bytes) => {
        if (released || bytes <= counted) return true;
        const more = bytes - counted;
        if (this.pendingRequests > 1 && this.pendingBytes + more > this.maxPendingBytes) return false;
        this.pendingBytes += more;
        counted = bytes;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.pendingRequests -= 1;
        this.pendingBytes -= counted;
      },
    };
  }

  /** As enter, for a body already read whole (`bytes` is all it holds): its release function, or null when full. */
  tryEnter(bytes: number): (() => void) | null {
    return this.enter(bytes)?.release ?? null;
  }

  get pending(): number {
    return this.pendingRequests;
  }

  /** The bytes the pending requests are counted at. */
  get pendingBodyBytes(): number {
    return this.pendingBytes;
  }
}
