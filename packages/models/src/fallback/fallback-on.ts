/**
 * `fallbackOn`: when a FallbackModel moves to its next member. Every form pydantic-ai accepts,
 * in a shape TypeScript can tell apart at runtime:
 *
 * - an error class, e.g. `ModelRateLimitError` (matched with `instanceof`);
 * - an error predicate, sync or async: a bare function, or `onError(fn)`;
 * - a response predicate, sync or async: `onResponse(fn)` or `{ response: fn }`, called after
 *   every successful `request`, where `true` means "this answer is not good enough, fall back";
 * - a list mixing any of these, evaluated in order: the first `true` wins.
 *
 * Why a tag for response predicates: pydantic-ai reads the type hint of the predicate's first
 * parameter to tell response checks from error checks. TypeScript erases types, so a bare
 * function cannot say what it expects; guessing would silently turn a quality check into an
 * error check that never fires. A bare function is therefore always an error predicate.
 */
import { ModelAPIError, UserError } from '../errors.js';
import type { ModelResponse } from '../messages.js';

export type ErrorClass = abstract new (...args: never[]) => unknown;
export type ErrorPredicate = (error: unknown) => boolean | Promise<boolean>;
export type ResponsePredicate = (response: ModelResponse) => boolean | Promise<boolean>;
export interface ErrorCondition {
  readonly error: ErrorPredicate;
}
export interface ResponseCondition {
  readonly response: ResponsePredicate;
}
export type FallbackCondition = ErrorClass | ErrorPredicate | ErrorCondition | ResponseCondition;
export type FallbackOn = FallbackCondition | readonly FallbackCondition[];

/** A parsed `fallbackOn`: the error checks and the response checks, each in the order given. */
export interface FallbackPolicy {
  readonly errorChecks: readonly ErrorPredicate[];
  readonly responseChecks: readonly ResponsePredicate[];
}

/**
 * Marks a predicate as a response check (see the module comment for why a tag is needed).
 * @example new FallbackModel(a, b, { fallbackOn: [onResponse((r) => r.parts.length === 0), ModelAPIError] })
 */
export function onResponse(predicate: ResponsePredicate): ResponseCondition {
  if (typeof predicate !== 'function') throw new UserError(`onResponse expects a function, got ${typeof predicate}`);
  return { response: predicate };
}

/**
 * Marks a predicate as an error check (a bare function means the same; this reads clearer).
 * @example new FallbackModel(a, b, { fallbackOn: onError(async (e) => await isTransient(e)) })
 */
export function onError(predicate: ErrorPredicate): ErrorCondition {
  if (typeof predicate !== 'function') throw new UserError(`onError expects a function, got ${typeof predicate}`);
  return { error: predicate };
}

function isErrorClass(value: (...args: never[]) => unknown): value is ErrorClass & ((...args: never[]) => unknown) {
  const prototype: unknown = value.prototype;
  if (prototype === undefined || prototype === null) return false;
  return prototype === Error.prototype || Object.prototype.isPrototypeOf.call(Error.prototype, prototype) || /^class[\s{]/.test(Function.prototype.toString.call(value));
}

function toCheck(condition: unknown, position: string): { error?: ErrorPredicate; response?: ResponsePredicate } {
  if (typeof condition === 'function') {
    const fn = condition as (...args: never[]) => unknown;
    if (isErrorClass(fn)) return { error: (error) => error instanceof fn };
    return { error: condition as ErrorPredicate };
  }
  if (typeof condition === 'object' && condition !== null) {
    const keys = Object.keys(condition);
    const { error, response } = condition as Partial<ErrorCondition & ResponseCondition>;
    if (keys.length === 1 && typeof response === 'function') return { response };
    if (keys.length === 1 && typeof error === 'function') return { error };
  }
  throw new UserError(
    `fallbackOn${position} must be an error class, an error predicate, onError(fn) / { error: fn } or onResponse(fn) / { response: fn }; got ${describe(condition)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with keys [${Object.keys(value).join(', ')}]`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Validates a `fallbackOn` value and splits it into error and response checks. The default is
 * `ModelAPIError`. An empty list is a `UserError`: nothing could ever trigger a fallback.
 * @example parseFallbackOn([ModelRateLimitError, onResponse(isEmpty)]).responseChecks.length === 1
 */
export function parseFallbackOn(input: FallbackOn | undefined): FallbackPolicy {
  const list: readonly unknown[] = input === undefined ? [ModelAPIError] : Array.isArray(input) ? input : [input];
  if (list.length === 0) {
    throw new UserError('fallbackOn is empty: no condition could trigger a fallback, so all errors would propagate. Give at least one error class or predicate (the default is ModelAPIError).');
  }
  const errorChecks: ErrorPredicate[] = [];
  const responseChecks: ResponsePredicate[] = [];
  list.forEach((condition, i) => {
    const check = toCheck(condition, Array.isArray(input) ? `[${i}]` : '');
    if (check.error) errorChecks.push(check.error);
    if (check.response) responseChecks.push(check.response);
  });
  return { errorChecks, responseChecks };
}

/** True when an error check says to fall back; checks run in order and the first true wins. */
export async function matchesError(policy: FallbackPolicy, error: unknown): Promise<boolean> {
  for (const check of policy.errorChecks) if (await check(error)) return true;
  return false;
}

/** True when a response check rejects the response; checks run in order and the first true wins. */
export async function matchesResponse(policy: FallbackPolicy, response: ModelResponse): Promise<boolean> {
  for (const check of policy.responseChecks) if (await check(response)) return true;
  return false;
}
