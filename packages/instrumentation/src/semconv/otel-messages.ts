/**
 * Wire types of the GenAI message attributes (`gen_ai.input.messages`, `gen_ai.output.messages`,
 * `pydantic_ai.all_messages`) for versions 2-5, and of the version 1 event bodies. Keys are
 * snake_case because that is what goes on the wire; an optional key is absent, never `null`.
 * Key order of each part follows pydantic-ai's constructors (spec section 4). Imports nothing.
 */

export type OtelRole = 'system' | 'user' | 'assistant';
/** Modalities of v4+ `uri` / `blob` parts (the GenAI vocabulary). */
export type OtelModality = 'image' | 'audio' | 'video';
/** Modalities of `file` (uploaded file) parts: the GenAI three plus `document`. */
export type OtelFileModality = OtelModality | 'document';
export type OtelUrlPartType = 'image-url' | 'audio-url' | 'video-url' | 'document-url';

export interface OtelTextPart { type: 'text'; content?: string }
export interface OtelThinkingPart { type: 'thinking'; content?: string }
/** v2/v3 media by URL. */
export interface OtelUrlPart { type: OtelUrlPartType; url?: string }
/** v4/v5 media by URL. */
export interface OtelUriPart { type: 'uri'; modality?: OtelModality; mime_type?: string; uri?: string }
/** v2/v3 inline bytes (standard base64). */
export interface OtelBinaryPart { type: 'binary'; media_type: string; content?: string }
/** v4/v5 inline bytes (standard base64). */
export interface OtelBlobPart { type: 'blob'; mime_type: string; modality?: OtelModality; content?: string }
/** A file uploaded to the provider, all versions. */
export interface OtelFilePart { type: 'file'; modality: OtelFileModality; mime_type: string; file_id?: string }
export interface OtelToolCallPart {
  type: 'tool_call';
  id: string;
  name: string;
  builtin?: true;
  code_arg_name?: string;
  code_arg_language?: string;
  /** The model's raw string verbatim, or an object of JSON-safe values. */
  arguments?: unknown;
}
export interface OtelToolCallResponsePart { type: 'tool_call_response'; id: string; name: string; builtin?: true; result?: unknown }

export type OtelPart =
  | OtelTextPart
  | OtelThinkingPart
  | OtelUrlPart
  | OtelUriPart
  | OtelBinaryPart
  | OtelBlobPart
  | OtelFilePart
  | OtelToolCallPart
  | OtelToolCallResponsePart;

export interface OtelMessage { role: OtelRole; parts: OtelPart[]; finish_reason?: string }

/** `gen_ai.system_instructions` entries. */
export interface OtelSystemInstruction { type: 'text'; content: string }

// ---- Version 1 event bodies (spec section 5) ----

/** A user content item inside a v1 `gen_ai.user.message` body: `type` renamed `kind`, binary data last. */
export type OtelEventContentItem =
  | string
  | { kind: 'text' }
  | { kind: OtelUrlPartType; url?: string }
  | { kind: 'binary'; media_type: string; binary_content?: string }
  | { kind: 'file'; modality: OtelFileModality; mime_type: string; file_id?: string };

/** An assistant content item in a v1 assistant body. */
export type OtelEventAssistantContent =
  | { kind: 'text' | 'thinking'; text?: string }
  | { kind: 'binary'; media_type: string; binary_content?: string };

export interface OtelEventToolCall { id: string; type: 'function'; function: { name: string; arguments?: unknown } }

export interface OtelEventAssistantBody {
  role: 'assistant';
  content?: string | OtelEventAssistantContent[];
  tool_calls?: OtelEventToolCall[];
}

export type OtelEventBody =
  | { content?: string; role: 'system' }
  | { content?: string | OtelEventContentItem | OtelEventContentItem[]; role: 'user' }
  | { role: 'tool'; id: string; name: string; content?: unknown }
  | { content?: string; role: 'tool'; id: string; name: string }
  | OtelEventAssistantBody
  | { index: 0; message: OtelEventAssistantBody };

/** The attributes every v1 event carries, in this order. */
export interface OtelEventAttributes {
  'gen_ai.system'?: string;
  'gen_ai.message.index'?: number;
  'event.name': string;
}
