/**
 * Turns `'provider:model'` strings into models through `inferModel`, loaded on first use.
 */
import { UserError } from '../errors.js';
import { isModel, type Model } from '../model.js';

type InferModel = (name: string) => Model;

// inferModel lives in ../infer-model.ts; a computed specifier keeps this file compiling until it exists.
const INFER_MODEL_MODULE = '../infer-model.js';

/**
 * The model for a Model or a `'provider:model'` name.
 * @example const model = await resolveModel('openai:gpt-4o');
 */
export async function resolveModel(model: Model | string): Promise<Model> {
  if (typeof model !== 'string') {
    if (!isModel(model)) throw new UserError('An agent needs a Model or a "provider:model" string');
    return model;
  }
  let inferModel: InferModel | undefined;
  try {
    inferModel = ((await import(INFER_MODEL_MODULE)) as { inferModel?: InferModel }).inferModel;
  } catch (error) {
    throw new UserError(`Cannot resolve model ${JSON.stringify(model)}: inferModel is not available`, { cause: error });
  }
  if (typeof inferModel !== 'function') throw new UserError(`Cannot resolve model ${JSON.stringify(model)}: inferModel is not available`);
  return inferModel(model);
}
