import type { ChatMessage, ChatPart, Conversation } from './chat-types.js';
import { PartView } from './PartView.js';

const SOURCE_LABEL: Record<Conversation['source'], string> = {
  messages: 'gen_ai.input/output.messages',
  'v1-events': 'v1 events attribute',
  'log-events': 'GenAI events from OTLP logs',
  'span-events': 'GenAI events on the span',
  'legacy-prompt': 'deprecated gen_ai.prompt / gen_ai.completion',
  'agent-all-messages': 'agent run messages',
};

/**
 * A list of messages as chat bubbles, one per message, parts in order.
 *
 * @example
 * <MessageList messages={conversation.input} label="Input" />
 */
export function MessageList({ messages, label }: { readonly messages: readonly ChatMessage[]; readonly label: string }) {
  return (
    <ol className="chat" aria-label={label}>
      {messages.map((message, i) => (
        <li key={i} className={`chat-message role-${message.role.replace(/[^a-z]/g, '')}`} aria-label={`${message.role} message`}>
          <div className="chat-role">
            {message.role}
            {message.finishReason ? <span className="muted"> · finish: {message.finishReason}</span> : null}
          </div>
          {message.parts.length === 0 ? <p className="muted">(no parts)</p> : message.parts.map((part, j) => <PartView key={j} part={part} />)}
        </li>
      ))}
    </ol>
  );
}

/**
 * System instructions as their own block.
 *
 * @example
 * <InstructionsView parts={conversation.systemInstructions} />
 */
export function InstructionsView({ parts }: { readonly parts: readonly ChatPart[] }) {
  if (parts.length === 0) return null;
  return (
    <section className="chat-instructions" aria-label="System instructions">
      <div className="chat-role">system instructions</div>
      {parts.map((part, i) => (
        <PartView key={i} part={part} />
      ))}
    </section>
  );
}

/**
 * A chat span's conversation: instructions, input messages, output messages.
 *
 * @example
 * <ChatView conversation={parseSpanConversation({ attributes })!} />
 */
export function ChatView({ conversation }: { readonly conversation: Conversation }) {
  return (
    <section className="chat-view" aria-label="Conversation">
      <p className="muted">format: {SOURCE_LABEL[conversation.source]}</p>
      <InstructionsView parts={conversation.systemInstructions} />
      <MessageList messages={conversation.input} label="Input messages" />
      {conversation.output.length > 0 ? <MessageList messages={conversation.output} label="Output messages" /> : null}
    </section>
  );
}
