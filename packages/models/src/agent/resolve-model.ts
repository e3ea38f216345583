/**
 * Turns `'provider:model'` strings into models through `inferModel`, once per agent and name.
 */
import { UserError } from '../errors.js';
import { inferModel } from '../infer-model.js';
import { isModel, type Model } from '../model.js';

/** Resolves model names lazily (at the first run), so a model wrapper installed later still applies. */
export class ModelResolver {
  private readonly byName = new Map<string, Model>();

  /**
   * The model for a Model or a `'provider:model'` name.
   * @example const model = new ModelResolver().resolve('openai:gpt-4o');
   */
  resolve(model: Model | string): Model {
    if (typeof model !== 'string') {
      if (!isModel(model)) throw new UserError('An agent needs a Model or a "provider:model" string');
      return model;
    }
    let resolved = this.byName.get(model);
    if (!resolved) {
      resolved = inferModel(model);
      this.byName.set(model, resolved);
    }
    return resolved;
  }
}
