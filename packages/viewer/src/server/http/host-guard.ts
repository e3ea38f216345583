import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

const LOOPBACK_NAME = /^(127\.\d+\.\d+\.\d+|\[::1\]|::1|localhost|[a-z0-9.-]+\.localhost|\[::ffff:127\.\d+\.\d+\.\d+\])$/i;

/**
 * The host name of a `Host` or `Origin` value, without port or scheme, lower-cased.
 *
 * @example
 * toHostName('[::1]:4318'); // '[::1]'
 * toHostName('http://Evil.example:4318'); // 'evil.example'
 */
export function toHostName(value: string): string {
  const authority = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0] ?? '';
  const name = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : (authority.split(':')[0] ?? '');
  return name.toLowerCase();
}

/**
 * Whether a request's `Host` names this machine's loopback: a web page that rebinds its own name
 * to 127.0.0.1 sends its own name, so it is refused. A request without a `Host` (HTTP/1.0) comes
 * from no browser and passes.
 *
 * @example
 * isLoopbackAuthority('localhost:4318'); // true
 * isLoopbackAuthority('attacker.example:4318'); // false
 */
export const isLoopbackAuthority = (value: string | undefined): boolean => value === undefined || LOOPBACK_NAME.test(toHostName(value));

/**
 * Refuses requests to a loopback viewer that name another host (DNS rebinding: a page of another
 * site whose name now resolves to 127.0.0.1 would be same-origin with the viewer and could read
 * every trace), and writes whose `Origin` is another site. A viewer bound beyond loopback (which
 * needs --allow-remote) serves whatever name reaches it, and passes `remote: true`.
 *
 * @example
 * app.use(hostGuard({ remote: false }));
 */
export function hostGuard(options: { readonly remote: boolean }): RequestHandler {
  return (request, _response, next) => {
    if (options.remote) return next();
    const host = request.headers.host;
    if (!isLoopbackAuthority(host)) {
      return next(new HttpError(403, `Host ${JSON.stringify(host)} is not served: this viewer answers to 127.0.0.1, localhost and [::1] only (a guard against DNS rebinding); start it with --host and --allow-remote to serve other names`, { where: 'host' }));
    }
    const origin = request.headers.origin;
    // An opaque origin ('null', a sandboxed frame or a file: page) is no loopback page either.
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin !== undefined && !isLoopbackAuthority(origin)) {
      return next(new HttpError(403, `Origin ${JSON.stringify(origin)} may not write to this viewer: only pages it serves itself may`, { where: 'origin' }));
    }
    return next();
  };
}
