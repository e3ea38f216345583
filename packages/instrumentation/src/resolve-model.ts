/**
 * Resolves `'provider:model'` strings through `@hopscope/models`' `inferModel`. Looked up at call
 * time so this package works with a models build that does not ship providers.
 */
import * as models from '@hopscope/models';
import { UserError, type Model } from '@hopscope/models';

type InferModel = (name: string) => Model;

/**
 * @example resolveModel('openai:gpt-4o') // an OpenAIChatModel
 */
export function resolveModel(model: Model | string): Model {
  if (typeof model !== 'string') return model;
  const infer = (models as Record<string, unknown>)['inferModel'] as InferModel | undefined;
  if (typeof infer !== 'function') throw new UserError(`Cannot resolve "${model}": this build of @hopscope/models has no inferModel; pass a Model instance`);
  return infer(model);
}
