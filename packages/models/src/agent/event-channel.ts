/**
 * An unbounded single-consumer channel: the run pushes events as they arrive and never waits for
 * the reader, so a run finishes even if nobody iterates its events.
 */
export class EventChannel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private closed = false;
  private error: { readonly value: unknown } | undefined;
  private iterated = false;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      resolve({ value: item, done: false });
    } else {
      this.buffer.push(item);
    }
  }

  /** Ends the channel; with an error, the reader gets it after the buffered items. */
  close(error?: { readonly value: unknown }): void {
    if (this.closed) return;
    this.closed = true;
    this.error = error;
    if (this.waiting) {
      const [resolve, reject] = [this.waiting, this.failWaiting];
      this.waiting = undefined;
      this.failWaiting = undefined;
      if (error) reject?.(error.value);
      else resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.iterated) throw new TypeError('The events of a streamed run can be iterated only once');
    this.iterated = true;
    return {
      next: () => {
        if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
        if (this.closed) return this.error ? Promise.reject(this.error.value) : Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<T>>((resolve, reject) => {
          this.waiting = resolve;
          this.failWaiting = reject;
        });
      },
    };
  }
}
