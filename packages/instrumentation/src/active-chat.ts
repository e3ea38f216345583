/**
 * The OTel context key that marks "a chat span is open for this call", so a request already
 * inside an InstrumentedModel or intercepted chat span never gets a second one, and a
 * FallbackModel member's request becomes a hop span instead of a chat span.
 */
import { createContextKey, type Context } from '@opentelemetry/api';
import { unwrapModel, type Model, type ModelMessage, type RequestOptions } from '@hopscope/models';

const ACTIVE_CHAT_KEY = createContextKey('hopscope.instrumentation.active-chat');

interface ActiveChat {
  readonly model: Model;
  readonly messages: readonly ModelMessage[];
}

/** The context with this call marked as instrumented. */
export function markActiveChat(ctx: Context, model: Model, messages: readonly ModelMessage[]): Context {
  const active: ActiveChat = { model: unwrapModel(model), messages };
  return ctx.setValue(ACTIVE_CHAT_KEY, active);
}

/**
 * True when the context already has a chat span for this call: the same model (through wrappers)
 * and the same messages, or a member request of the FallbackModel whose chat span is open.
 * @example if (isChatInstrumented(context.active(), model, messages, options)) return next();
 */
export function isChatInstrumented(ctx: Context, model: Model, messages: readonly ModelMessage[], options: RequestOptions | undefined): boolean {
  const active = ctx.getValue(ACTIVE_CHAT_KEY) as ActiveChat | undefined;
  if (active === undefined) return false;
  if (options?.hop && unwrapModel(options.hop.fallback) === active.model) return true;
  return active.messages === messages && active.model === unwrapModel(model);
}
