/**
 * Remembers which conversation the messages of a run belong to, so a run continuing from a
 * result's messages keeps the conversation id without a field on the messages themselves.
 */
import type { ModelMessage } from '../messages.js';

const conversationOf = new WeakMap<ModelMessage, string>();

/** Tags messages with a conversation id. */
export function rememberConversation(messages: readonly ModelMessage[], conversationId: string): void {
  for (const message of messages) conversationOf.set(message, conversationId);
}

/** The conversation of a history's last message, if this process produced it. */
export function recallConversation(history: readonly ModelMessage[]): string | undefined {
  const last = history[history.length - 1];
  return last ? conversationOf.get(last) : undefined;
}
