/**
 * Turns a FallbackModel member (`Model` or `'provider:model'`) into a Model. Strings go through
 * `inferModel` and then the installed model wrapper (so instrumentation sees each member).
 */
import { UserError } from '../errors.js';
import { applyModelWrapper } from '../hooks.js';
import { isModel, type Model } from '../model.js';

type InferModel = (name: string) => Model;

// inferModel lives in ../infer-model.ts (written in parallel); a computed specifier keeps this file
// compiling until it exists, and top-level await makes it ready before any constructor runs.
const INFER_MODEL_MODULE = '../infer-model.js';
const inferModel: InferModel | undefined = await import(INFER_MODEL_MODULE).then(
  (module: { inferModel?: InferModel }) => module.inferModel,
  () => undefined,
);

/**
 * The Model for a member given as a Model or a `'provider:model'` string.
 * @example resolveMember('openai:gpt-4o').modelName === 'gpt-4o'
 */
export function resolveMember(member: unknown, position: number): Model {
  if (isModel(member)) return member;
  if (typeof member !== 'string') throw new UserError(`FallbackModel member ${position} must be a Model or a 'provider:model' string, got ${member === null ? 'null' : typeof member}`);
  if (!inferModel) throw new UserError(`Cannot resolve FallbackModel member ${JSON.stringify(member)}: inferModel is not available`);
  return applyModelWrapper(inferModel(member));
}
