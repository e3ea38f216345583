/**
 * The message model: what a conversation with an LLM is made of, provider-neutral.
 * Mirrors pydantic-ai's `messages` module with camelCase fields and `partKind` discriminators.
 */
import type { RequestUsage } from './usage.js';

/** A media reference by URL. `kind` tells image, audio, document and video apart. */
export interface FileUrl<K extends FileUrlKind = FileUrlKind> {
  readonly kind: K;
  readonly url: string;
  /** Explicit media type; when absent it is guessed from the URL's extension. */
  readonly mediaType?: string;
  readonly identifier?: string;
}
export type FileUrlKind = 'image-url' | 'audio-url' | 'document-url' | 'video-url';
export type ImageUrl = FileUrl<'image-url'>;
export type AudioUrl = FileUrl<'audio-url'>;
export type DocumentUrl = FileUrl<'document-url'>;
export type VideoUrl = FileUrl<'video-url'>;

/** Inline bytes with their media type (an image, a PDF, a sound...). */
export interface BinaryContent {
  readonly kind: 'binary';
  readonly data: Uint8Array;
  readonly mediaType: string;
  readonly identifier?: string;
  readonly vendorMetadata?: Record<string, unknown>;
}

/** A file already uploaded to the provider, referenced by id. */
export interface UploadedFile {
  readonly kind: 'uploaded-file';
  readonly fileId: string;
  readonly mediaType: string;
}

export type UserContent = string | ImageUrl | AudioUrl | DocumentUrl | VideoUrl | BinaryContent | UploadedFile;

export interface SystemPromptPart {
  readonly partKind: 'system-prompt';
  readonly content: string;
  readonly timestamp?: Date;
}

export interface UserPromptPart {
  readonly partKind: 'user-prompt';
  readonly content: string | readonly UserContent[];
  readonly timestamp?: Date;
}

export interface ToolReturnPart {
  readonly partKind: 'tool-return';
  readonly toolName: string;
  readonly toolCallId: string;
  /** Any JSON-safe value; may hold BinaryContent. */
  readonly content: unknown;
  readonly metadata?: unknown;
  readonly timestamp?: Date;
}

/** One validation problem, shaped like pydantic's ErrorDetails. */
export interface ValidationErrorDetail {
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly input?: unknown;
}

export interface RetryPromptPart {
  readonly partKind: 'retry-prompt';
  readonly content: string | readonly ValidationErrorDetail[];
  readonly toolName?: string;
  readonly toolCallId: string;
  readonly timestamp?: Date;
}

export type ModelRequestPart = SystemPromptPart | UserPromptPart | ToolReturnPart | RetryPromptPart;

export interface TextPart {
  readonly partKind: 'text';
  readonly content: string;
  readonly id?: string;
}

export interface ToolCallPart {
  readonly partKind: 'tool-call';
  readonly toolName: string;
  /** A JSON text as the model sent it, or an already parsed object. */
  readonly args?: string | Readonly<Record<string, unknown>>;
  readonly toolCallId: string;
}

export interface ThinkingPart {
  readonly partKind: 'thinking';
  readonly content: string;
  readonly id?: string;
  readonly signature?: string;
  readonly providerName?: string;
}

export interface FilePart {
  readonly partKind: 'file';
  readonly content: BinaryContent;
  readonly id?: string;
}

/** A tool the provider ran itself (web search, code execution...). */
export interface BuiltinToolCallPart {
  readonly partKind: 'builtin-tool-call';
  readonly toolName: string;
  readonly args?: string | Readonly<Record<string, unknown>>;
  readonly toolCallId: string;
  readonly providerName?: string;
}

export interface BuiltinToolReturnPart {
  readonly partKind: 'builtin-tool-return';
  readonly toolName: string;
  readonly toolCallId: string;
  readonly content: unknown;
  readonly providerName?: string;
}

export type ModelResponsePart = TextPart | ToolCallPart | ThinkingPart | FilePart | BuiltinToolCallPart | BuiltinToolReturnPart;

/** OpenTelemetry's normalised finish reasons, as pydantic-ai reports them. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_call' | 'error';

export interface ModelRequest {
  readonly kind: 'request';
  readonly parts: readonly ModelRequestPart[];
  readonly instructions?: string;
}

export interface ModelResponse {
  readonly kind: 'response';
  readonly parts: readonly ModelResponsePart[];
  readonly usage: RequestUsage;
  readonly modelName?: string;
  readonly providerName?: string;
  /** The provider's API base URL, used to look prices up. */
  readonly providerUrl?: string;
  readonly providerResponseId?: string;
  readonly finishReason?: FinishReason;
  readonly timestamp: Date;
  /** Raw provider extras (the provider's own finish reason, etc.). */
  readonly providerDetails?: Readonly<Record<string, unknown>>;
}

export type ModelMessage = ModelRequest | ModelResponse;

/**
 * Builds a request from parts.
 * @example
 * const req = modelRequest([userPrompt('Hello')], { instructions: 'Be brief.' });
 */
export function modelRequest(parts: readonly ModelRequestPart[], options: { instructions?: string } = {}): ModelRequest {
  return options.instructions === undefined ? { kind: 'request', parts } : { kind: 'request', parts, instructions: options.instructions };
}

/**
 * A user prompt part.
 * @example
 * userPrompt(['What is in this picture?', imageUrl('https://example.com/cat.png')])
 */
export function userPrompt(content: string | readonly UserContent[]): UserPromptPart {
  return { partKind: 'user-prompt', content };
}

/** @example systemPrompt('You are a helpful assistant.') */
export function systemPrompt(content: string): SystemPromptPart {
  return { partKind: 'system-prompt', content };
}

/** @example textPart('Paris.') */
export function textPart(content: string): TextPart {
  return { partKind: 'text', content };
}

/** @example toolCallPart('get_weather', { city: 'Paris' }, 'call_1') */
export function toolCallPart(toolName: string, args: ToolCallPart['args'], toolCallId: string): ToolCallPart {
  return { partKind: 'tool-call', toolName, args, toolCallId };
}

/** @example toolReturnPart('get_weather', { tempC: 21 }, 'call_1') */
export function toolReturnPart(toolName: string, content: unknown, toolCallId: string): ToolReturnPart {
  return { partKind: 'tool-return', toolName, content, toolCallId };
}

/** @example imageUrl('https://example.com/cat.png') */
export function imageUrl(url: string, mediaType?: string): ImageUrl {
  return mediaType === undefined ? { kind: 'image-url', url } : { kind: 'image-url', url, mediaType };
}

/** @example audioUrl('https://example.com/talk.mp3') */
export function audioUrl(url: string, mediaType?: string): AudioUrl {
  return mediaType === undefined ? { kind: 'audio-url', url } : { kind: 'audio-url', url, mediaType };
}

/** @example documentUrl('https://example.com/report.pdf') */
export function documentUrl(url: string, mediaType?: string): DocumentUrl {
  return mediaType === undefined ? { kind: 'document-url', url } : { kind: 'document-url', url, mediaType };
}

/** @example videoUrl('https://example.com/clip.mp4') */
export function videoUrl(url: string, mediaType?: string): VideoUrl {
  return mediaType === undefined ? { kind: 'video-url', url } : { kind: 'video-url', url, mediaType };
}

/** @example binaryContent(new Uint8Array([137, 80, 78, 71]), 'image/png') */
export function binaryContent(data: Uint8Array, mediaType: string): BinaryContent {
  return { kind: 'binary', data, mediaType };
}

/** True when a value is BinaryContent (a tool may return one). */
export function isBinaryContent(value: unknown): value is BinaryContent {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'binary' && (value as { data?: unknown }).data instanceof Uint8Array;
}

/** Standard base64 of a binary content's bytes. */
export function binaryBase64(content: BinaryContent): string {
  return Buffer.from(content.data.buffer, content.data.byteOffset, content.data.byteLength).toString('base64');
}

/** The text a model sees for a retry prompt, exactly as pydantic-ai words it. */
export function retryPromptText(part: RetryPromptPart): string {
  let description: string;
  if (typeof part.content === 'string') {
    description = part.toolName === undefined ? `Validation feedback:\n${part.content}` : part.content;
  } else {
    const errors = part.content.map((e) => (part.toolName === undefined ? { type: e.type, loc: e.loc, msg: e.msg } : e));
    const plural = errors.length === 1 ? '' : 's';
    description = `${errors.length} validation error${plural}:\n\`\`\`json\n${JSON.stringify(errors, null, 2)}\n\`\`\``;
  }
  return `${description}\n\nFix the errors and try again.`;
}

/** The tool call's arguments as a JSON text: `{}` when empty, the raw string when the model sent one. */
export function toolCallArgsAsJson(part: Pick<ToolCallPart, 'args'>): string {
  if (part.args === undefined) return '{}';
  if (typeof part.args === 'string') return part.args === '' ? '{}' : part.args;
  return JSON.stringify(part.args);
}

/** The tool call's arguments as an object, parsing a JSON text; throws on invalid JSON. */
export function toolCallArgsAsObject(part: Pick<ToolCallPart, 'args'>): Record<string, unknown> {
  if (part.args === undefined || part.args === '') return {};
  if (typeof part.args !== 'string') return { ...part.args };
  const parsed: unknown = JSON.parse(part.args);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('tool arguments must be a JSON object');
  return parsed as Record<string, unknown>;
}
