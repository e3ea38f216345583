/**
 * Agent-run baggage (spec section 9): the run puts its ids on the OTel context; chat, tool and
 * output-function spans read them back and copy them as attributes.
 */
import { propagation, type Context } from '@opentelemetry/api';
import * as A from './semconv/attributes.js';
import type { BaggageIds } from './mapper/types.js';

/**
 * The agent ids in the context's baggage, if any.
 * @example readBaggageIds(context.active()) // { agentName: 'support', agentCallId: '0190...', conversationId: '0190...' }
 */
export function readBaggageIds(ctx: Context): BaggageIds {
  const baggage = propagation.getBaggage(ctx);
  if (!baggage) return {};
  const agentName = baggage.getEntry(A.ATTR_GEN_AI_AGENT_NAME)?.value;
  const agentCallId = baggage.getEntry(A.ATTR_GEN_AI_AGENT_CALL_ID)?.value;
  const conversationId = baggage.getEntry(A.ATTR_GEN_AI_CONVERSATION_ID)?.value;
  return {
    ...(agentName !== undefined ? { agentName } : {}),
    ...(agentCallId !== undefined ? { agentCallId } : {}),
    ...(conversationId !== undefined ? { conversationId } : {}),
  };
}

/**
 * A context carrying the run's ids as baggage, on top of any baggage already there.
 * @example context.with(withBaggageIds(context.active(), { agentName: 'agent' }), run)
 */
export function withBaggageIds(ctx: Context, ids: BaggageIds): Context {
  let baggage = propagation.getBaggage(ctx) ?? propagation.createBaggage();
  if (ids.agentName !== undefined) baggage = baggage.setEntry(A.ATTR_GEN_AI_AGENT_NAME, { value: ids.agentName });
  if (ids.agentCallId !== undefined) baggage = baggage.setEntry(A.ATTR_GEN_AI_AGENT_CALL_ID, { value: ids.agentCallId });
  if (ids.conversationId !== undefined) baggage = baggage.setEntry(A.ATTR_GEN_AI_CONVERSATION_ID, { value: ids.conversationId });
  return propagation.setBaggage(ctx, baggage);
}
