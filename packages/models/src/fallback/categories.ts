/**
 * Fallback conditions by error category, so nobody matches `'401'` in a message.
 *
 * The default `fallbackOn` (`ModelAPIError`) falls back on auth errors (401/403) too: the next
 * member is usually another provider, or another deployment, with another key, so the fallback
 * can succeed where the primary's key was refused. To let auth errors propagate instead, name
 * only the transient categories: `isCategory('rate_limit', 'overloaded', 'server', 'timeout', 'connection')`
 * (exported as `TRANSIENT_CATEGORIES`).
 */
import { ModelAPIError, UserError, type ModelErrorCategory } from '../errors.js';
import type { ErrorCondition } from './fallback-on.js';

const ALL_CATEGORIES = [
  'auth',
  'rate_limit',
  'overloaded',
  'server',
  'timeout',
  'connection',
  'context_window',
  'content_policy',
  'bad_request',
  'not_found',
  'invalid_response',
  'unknown',
] as const satisfies readonly ModelErrorCategory[];
type Missing = Exclude<ModelErrorCategory, (typeof ALL_CATEGORIES)[number]>;
const _everyCategoryListed: [Missing] extends [never] ? true : Missing = true;

/** Failures that may pass on their own: the ones a cooldown is for. */
export const TRANSIENT_CATEGORIES: readonly ModelErrorCategory[] = Object.freeze(['rate_limit', 'overloaded', 'server', 'timeout', 'connection']);

/**
 * An error condition true for typed model errors of the given categories.
 * @example new FallbackModel(a, b, { fallbackOn: isCategory('rate_limit', 'overloaded', 'auth') })
 */
export function isCategory(...categories: ModelErrorCategory[]): ErrorCondition {
  if (categories.length === 0) throw new UserError(`isCategory needs at least one category: ${ALL_CATEGORIES.join(', ')}`);
  for (const category of categories) {
    if (!(ALL_CATEGORIES as readonly string[]).includes(category)) {
      throw new UserError(`Unknown error category '${String(category)}'; valid categories: ${ALL_CATEGORIES.join(', ')}`);
    }
  }
  const wanted = new Set<string>(categories);
  return { error: (error) => error instanceof ModelAPIError && wanted.has(error.category) };
}
