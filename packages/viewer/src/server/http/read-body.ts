import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { HttpError } from './http-error.js';

const tooLarge = (limit: number): HttpError => new HttpError(413, `Request body exceeds the limit of ${limit} bytes (measured after decompression)`);

function decompressorFor(encoding: string): Gunzip | Inflate | null {
  if (encoding === '' || encoding === 'identity') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  throw new HttpError(415, `Unsupported Content-Encoding "${encoding}"; accepted: gzip, deflate, identity`);
}

const queueFull = (): HttpError => new HttpError(503, 'Ingest queue is full; retry later', { headers: { 'Retry-After': '1' } });

/** Options of readLimitedBody. */
export interface ReadBodyOptions {
  /** Told the bytes read so far (after decompression) at every chunk; false stops the read with 503 + Retry-After. */
  readonly admit?: (bodyBytes: number) => boolean;
}

/**
 * Reads a request body, inflating gzip/deflate as a stream and stopping as soon as either the
 * wire bytes or the inflated bytes pass `limit` (413), or `admit` refuses them (503). Never
 * buffers more than `limit`. A body with no bytes at all is empty, whatever its Content-Encoding.
 *
 * @example
 * const body = await readLimitedBody(req, 64 * 1024 * 1024, { admit: (bytes) => ticket.grow(bytes) });
 */
export function readLimitedBody(request: IncomingMessage, limit: number, options: ReadBodyOptions = {}): Promise<Buffer> {
  const encoding = String(request.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decompressor = decompressorFor(encoding);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let wireBytes = 0;
    let bodyBytes = 0;
    let settled = false;
    const fail = (error: HttpError): void => {
      if (settled) return;
      settled = true;
      decompressor?.destroy();
      request.unpipe();
      request.resume();
      reject(error);
    };
    const output = decompressor ?? request;
    output.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes > limit) return fail(tooLarge(limit));
      if (options.admit && !options.admit(bodyBytes)) return fail(queueFull());
      chunks.push(chunk);
    });
    output.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    output.on('error', (error: Error) => {
      // An empty request (no bytes at all) is not a truncated gzip or deflate stream.
      if (decompressor && wireBytes === 0 && !settled && request.readableEnded) {
        settled = true;
        resolve(Buffer.alloc(0));
        return;
      }
      fail(new HttpError(400, `Request body could not be ${decompressor ? `decompressed as ${encoding}` : 'read'}: ${error.message}`));
    });
    if (decompressor) {
      request.on('data', (chunk: Buffer) => {
        wireBytes += chunk.length;
        if (wireBytes > limit) fail(tooLarge(limit));
      });
      request.on('error', (error: Error) => fail(new HttpError(400, `Request body could not be read: ${error.message}`)));
      request.pipe(decompressor);
    }
    request.on('aborted', () => fail(new HttpError(400, 'Request aborted by the client')));
  });
}
