/**
 * Turns a FallbackModel member (`Model` or `'provider:model'`) into a Model. Strings go through
 * `inferModel`, which applies the installed model wrapper (so instrumentation sees each member);
 * a Model given as such is used as is.
 */
import { UserError } from '../errors.js';
import { inferModel } from '../infer-model.js';
import { isModel, type Model } from '../model.js';

/**
 * The Model for a member given as a Model or a `'provider:model'` string.
 * @example resolveMember('openai:gpt-4o', 0).modelName === 'gpt-4o'
 */
export function resolveMember(member: unknown, position: number): Model {
  if (isModel(member)) return member;
  if (typeof member !== 'string') throw new UserError(`FallbackModel member ${position} must be a Model or a 'provider:model' string, got ${member === null ? 'null' : typeof member}`);
  return inferModel(member);
}
