/**
 * The OTel context key that marks "a chat span is open for this call", so a request already
 * inside an InstrumentedModel or intercepted chat span never gets a second one, and a
 * FallbackModel member's request becomes a hop span instead of a chat span.
 */
import { createContextKey, trace, type Context, type Span } from '@opentelemetry/api';
import { unwrapModel, type Model, type ModelMessage, type RequestOptions } from '@hopscope/models';
import { reportTelemetryFailure } from './report-failure.js';

const ACTIVE_CHAT_KEY = createContextKey('hopscope.instrumentation.active-chat');

interface ActiveChat {
  readonly model: Model;
  readonly messages: readonly ModelMessage[];
}

/**
 * The chat span's context: the parent with the span set and the call marked. The mark is answered
 * directly; the parent's copy holding both values (two context copies) is made only when other code
 * reads any other key (the span, baggage, ...) or derives a context from it, then kept.
 */
class ChatContext implements Context {
  private full: Context | undefined;

  constructor(
    private readonly parent: Context,
    private readonly span: Span,
    private readonly active: ActiveChat,
  ) {}

  getValue(key: symbol): unknown {
    return key === ACTIVE_CHAT_KEY ? this.active : this.materialized().getValue(key);
  }

  setValue(key: symbol, value: unknown): Context {
    return this.materialized().setValue(key, value);
  }

  deleteValue(key: symbol): Context {
    return this.materialized().deleteValue(key);
  }

  private materialized(): Context {
    if (this.full === undefined) {
      try {
        this.full = trace.setSpan(this.parent, this.span).setValue(ACTIVE_CHAT_KEY, this.active);
      } catch (error) {
        // Telemetry never breaks the call: the code that asked goes on in the parent's context.
        reportTelemetryFailure('chat context', error);
        this.full = this.parent;
      }
    }
    return this.full;
  }
}

/**
 * The context of a chat span: `parent` with `span` set and this call marked as instrumented.
 * @example const chatContext = createChatContext(context.active(), span, model, messages);
 */
export function createChatContext(parent: Context, span: Span, model: Model, messages: readonly ModelMessage[]): Context {
  return new ChatContext(parent, span, { model: unwrapModel(model), messages });
}

/**
 * True when the context already has a chat span for this call: the same model (through wrappers)
 * and the same messages, or a fallback member's request inside it (a member of its FallbackModel,
 * or of a FallbackModel nested in that chain: their hops become hop spans, not chat spans).
 * @example if (isChatInstrumented(context.active(), model, messages, options)) return next();
 */
export function isChatInstrumented(ctx: Context, model: Model, messages: readonly ModelMessage[], options: RequestOptions | undefined): boolean {
  const active = ctx.getValue(ACTIVE_CHAT_KEY) as ActiveChat | undefined;
  if (active === undefined) return false;
  if (options?.hop) return true;
  return active.messages === messages && active.model === unwrapModel(model);
}
