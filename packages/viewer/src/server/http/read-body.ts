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

/**
 * Reads a request body, inflating gzip/deflate as a stream and stopping as soon as either the
 * wire bytes or the inflated bytes pass `limit` (413). Never buffers more than `limit`.
 *
 * @example
 * const body = await readLimitedBody(req, 64 * 1024 * 1024);
 */
export function readLimitedBody(request: IncomingMessage, limit: number): Promise<Buffer> {
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
      chunks.push(chunk);
    });
    output.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    output.on('error', (error: Error) => fail(new HttpError(400, `Request body could not be ${decompressor ? `decompressed as ${encoding}` : 'read'}: ${error.message}`)));
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
