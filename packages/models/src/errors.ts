/**
 * The typed errors of @hopscope/models. Callers branch on fields (`isRetryable`, `isAuthError`,
 * `category`, `statusCode`, `retryAfterMs`), never on message substrings. `instanceof` works across
 * duplicate copies of this package: each class checks a `Symbol.for` marker. A subclass that does
 * not declare its own `errorName` (a caller's `class QuotaError extends ModelRateLimitError {}`)
 * is checked by its prototype chain instead, so it never matches its parent's other errors.
 */

const MARKERS = Symbol.for('hopscope.error.markers');

type Marked = { [MARKERS]?: ReadonlySet<string> };

function markerCheck(name: string) {
  return (value: unknown): boolean =>
    typeof value === 'object' && value !== null && ((value as Marked)[MARKERS]?.has(name) ?? false);
}

/** Base of every Hopscope error. */
export class HopscopeError extends Error {
  static readonly errorName: string = 'HopscopeError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const names = new Set<string>();
    for (let ctor = new.target as unknown as { errorName?: string } | null; ctor; ctor = Object.getPrototypeOf(ctor) as typeof ctor) {
      if (Object.prototype.hasOwnProperty.call(ctor, 'errorName') && ctor.errorName) names.add(ctor.errorName);
    }
    Object.defineProperty(this, MARKERS, { value: names, enumerable: false });
    this.name = Object.prototype.hasOwnProperty.call(new.target, 'errorName') ? (new.target as unknown as { errorName: string }).errorName : new.target.name;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.prototype.hasOwnProperty.call(this, 'errorName')) return Function.prototype[Symbol.hasInstance].call(this, value);
    return markerCheck(this.errorName)(value);
  }
}

/** The caller used the API wrongly (bad configuration, unknown provider, missing key). */
export class UserError extends HopscopeError {
  static override readonly errorName: string = 'UserError';
}

/** The model answered something we cannot use (invalid tool arguments, empty stream...). */
export class UnexpectedModelBehavior extends HopscopeError {
  static override readonly errorName: string = 'UnexpectedModelBehavior';
  readonly body: string | undefined;
  constructor(message: string, options: { body?: string; cause?: unknown } = {}) {
    super(message, options);
    this.body = options.body;
  }
}

/** Why a provider call failed, in the words a fallback policy needs. */
export type ModelErrorCategory =
  | 'auth'
  | 'rate_limit'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'context_window'
  | 'content_policy'
  | 'bad_request'
  | 'not_found'
  | 'invalid_response'
  | 'unknown';

const RETRYABLE: ReadonlySet<ModelErrorCategory> = new Set(['rate_limit', 'overloaded', 'server', 'timeout', 'connection']);

export interface ModelAPIErrorOptions {
  modelName: string;
  provider: string;
  category?: ModelErrorCategory;
  cause?: unknown;
  body?: unknown;
}

/** A provider call failed. */
export class ModelAPIError extends HopscopeError {
  static override readonly errorName: string = 'ModelAPIError';
  readonly modelName: string;
  readonly provider: string;
  readonly category: ModelErrorCategory;
  readonly body: unknown;

  constructor(message: string, options: ModelAPIErrorOptions) {
    super(message, { cause: options.cause });
    this.modelName = options.modelName;
    this.provider = options.provider;
    this.category = options.category ?? 'unknown';
    this.body = options.body;
  }

  /** True for failures that may pass on their own: 429, 5xx, 529, timeouts, dropped connections. */
  get isRetryable(): boolean {
    return RETRYABLE.has(this.category);
  }

  /** True for 401/403: this key is wrong here, though another provider's key may work. */
  get isAuthError(): boolean {
    return this.category === 'auth';
  }
}

export interface ModelHTTPErrorOptions extends ModelAPIErrorOptions {
  statusCode: number;
  retryAfterMs?: number;
}

/** A provider answered with an HTTP error status. */
export class ModelHTTPError extends ModelAPIError {
  static override readonly errorName: string = 'ModelHTTPError';
  readonly statusCode: number;
  /** From `retry-after-ms` or `retry-after` (seconds or an HTTP date); undefined when absent. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ModelHTTPErrorOptions) {
    super(message, { ...options, category: options.category ?? categoryForStatus(options.statusCode, options.body) });
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 401 / 403. */
export class ModelAuthError extends ModelHTTPError {
  static override readonly errorName: string = 'ModelAuthError';
}
/** 429: rate limit or quota. */
export class ModelRateLimitError extends ModelHTTPError {
  static override readonly errorName: string = 'ModelRateLimitError';
}
/** 5xx, and Anthropic's 529 overloaded. */
export class ModelServerError extends ModelHTTPError {
  static override readonly errorName: string = 'ModelServerError';
}
/** The prompt does not fit the model's context window. */
export class ContextWindowExceededError extends ModelHTTPError {
  static override readonly errorName: string = 'ContextWindowExceededError';
}
/** The provider refused the content (moderation, safety). */
export class ContentPolicyError extends ModelHTTPError {
  static override readonly errorName: string = 'ContentPolicyError';
}
/** No answer in time: a client timeout, a per-hop deadline or a first-chunk deadline. */
export class ModelTimeoutError extends ModelAPIError {
  static override readonly errorName: string = 'ModelTimeoutError';
  readonly timeoutMs: number | undefined;
  constructor(message: string, options: ModelAPIErrorOptions & { timeoutMs?: number }) {
    super(message, { ...options, category: 'timeout' });
    this.timeoutMs = options.timeoutMs;
  }
}
/** The connection failed or broke (reset, refused, stream cut mid-way). */
export class ModelConnectionError extends ModelAPIError {
  static override readonly errorName: string = 'ModelConnectionError';
  constructor(message: string, options: ModelAPIErrorOptions) {
    super(message, { ...options, category: 'connection' });
  }
}

const CONTEXT_WINDOW = /context[_ ]length|context window|maximum context|too many tokens|prompt is too long|context_length_exceeded/i;
const CONTENT_POLICY = /content[_ ]policy|content_filter|safety|moderation|flagged/i;

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body) ?? '';
  } catch {
    return '';
  }
}

/** Maps an HTTP status (and, for 400s, the error body) to a category. Pure. */
export function mapStatusToCategory(statusCode: number, body?: unknown): ModelErrorCategory {
  return categoryForStatus(statusCode, body);
}

function categoryForStatus(statusCode: number, body: unknown): ModelErrorCategory {
  if (statusCode === 401 || statusCode === 403) return 'auth';
  if (statusCode === 429) return 'rate_limit';
  if (statusCode === 529 || statusCode === 503) return 'overloaded';
  if (statusCode === 408) return 'timeout';
  if (statusCode >= 500) return 'server';
  if (statusCode === 404) return 'not_found';
  if (statusCode === 400 || statusCode === 413 || statusCode === 422) {
    const text = bodyText(body);
    if (CONTEXT_WINDOW.test(text)) return 'context_window';
    if (CONTENT_POLICY.test(text)) return 'content_policy';
    return 'bad_request';
  }
  return 'unknown';
}

/**
 * Parses `retry-after-ms` (milliseconds) or `retry-after` (seconds, or an HTTP date) into ms.
 * @example parseRetryAfterMs({ 'retry-after': '60' }) === 60_000
 */
export function parseRetryAfterMs(headers: Headers | Readonly<Record<string, string | null | undefined>> | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (name: string): string | null | undefined =>
    typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : (headers as Record<string, string | null | undefined>)[name];
  const ms = get('retry-after-ms');
  if (ms != null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = get('retry-after');
  if (after == null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Builds the most specific typed error for an HTTP failure.
 * @example createModelHTTPError({ statusCode: 429, body, headers, modelName: 'gpt-4o', provider: 'openai' })
 */
export function createModelHTTPError(options: {
  statusCode: number;
  body?: unknown;
  headers?: Headers | Readonly<Record<string, string | null | undefined>>;
  modelName: string;
  provider: string;
  message?: string;
  cause?: unknown;
}): ModelHTTPError {
  const category = categoryForStatus(options.statusCode, options.body);
  const message = options.message ?? `status_code: ${options.statusCode}, model_name: ${options.modelName}, body: ${bodyText(options.body)}`;
  const init: ModelHTTPErrorOptions = {
    statusCode: options.statusCode,
    body: options.body,
    modelName: options.modelName,
    provider: options.provider,
    category,
    cause: options.cause,
    retryAfterMs: parseRetryAfterMs(options.headers),
  };
  switch (category) {
    case 'auth':
      return new ModelAuthError(message, init);
    case 'rate_limit':
      return new ModelRateLimitError(message, init);
    case 'overloaded':
    case 'server':
      return new ModelServerError(message, init);
    case 'context_window':
      return new ContextWindowExceededError(message, init);
    case 'content_policy':
      return new ContentPolicyError(message, init);
    default:
      return new ModelHTTPError(message, init);
  }
}
