/**
 * The viewer's own, version-independent model of a conversation. Every parser in this folder
 * (v1 events, v2-v5 messages, deprecated prompt/completion) produces these shapes, and the chat
 * renderer reads only these.
 *
 * @example
 * const part: ChatPart = { kind: 'text', content: 'hi' };
 */
export type MediaModality = 'image' | 'audio' | 'video' | 'document';

export type ChatPart =
  /** `content: null` means the instrumentation did not capture it (includeContent false). */
  | { readonly kind: 'text'; readonly content: string | null }
  | { readonly kind: 'thinking'; readonly content: string | null }
  | {
      readonly kind: 'tool-call';
      readonly id: string | null;
      readonly name: string;
      /** Parsed JSON when the arguments were JSON text or structured; undefined when not captured. */
      readonly arguments: unknown;
      readonly builtin: boolean;
    }
  | {
      readonly kind: 'tool-return';
      readonly id: string | null;
      readonly name: string;
      /** undefined when not captured. */
      readonly result: unknown;
      readonly builtin: boolean;
    }
  | {
      readonly kind: 'media';
      /** How the media was referenced on the wire. */
      readonly source: 'uri' | 'blob' | 'file';
      readonly modality: MediaModality | null;
      readonly mimeType: string | null;
      readonly uri: string | null;
      readonly base64: string | null;
      readonly fileId: string | null;
    }
  | { readonly kind: 'unknown'; readonly type: string; readonly raw: unknown };

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool' | (string & {});

export interface ChatMessage {
  readonly role: ChatRole;
  readonly parts: readonly ChatPart[];
  readonly finishReason?: string;
}

/** Which wire format a conversation was read from. */
export type ConversationSource = 'messages' | 'v1-events' | 'log-events' | 'span-events' | 'legacy-prompt' | 'agent-all-messages';

export interface Conversation {
  readonly source: ConversationSource;
  readonly systemInstructions: readonly ChatPart[];
  readonly input: readonly ChatMessage[];
  readonly output: readonly ChatMessage[];
}
