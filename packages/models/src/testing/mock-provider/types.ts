/**
 * The scripting vocabulary of the loopback mock provider: what a step does, what an `ok` reply
 * holds, what a recorded exchange looks like and what the mock logs about each request.
 */

/** The three wire formats the mock speaks. @example mock.requests.filter((r) => r.api === 'anthropic') */
export type MockApi = 'openai-chat' | 'openai-responses' | 'anthropic';

/**
 * What an `ok` step answers for a model (missing fields get defaults).
 * @example mock.setReply('gpt-4o', { text: 'Paris.', usage: { inputTokens: 12, outputTokens: 2, cacheReadTokens: 8 } })
 */
export interface MockReply {
  readonly text?: string;
  readonly toolCalls?: readonly { readonly name: string; readonly args: Readonly<Record<string, unknown>>; readonly id?: string }[];
  readonly thinking?: string;
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number; readonly cacheReadTokens?: number; readonly cacheWriteTokens?: number; readonly reasoningTokens?: number };
  readonly finishReason?: 'stop' | 'length' | 'tool_call' | 'content_filter';
  /** The model name the response reports (default: the requested one). */
  readonly model?: string;
}

/** One SSE event of a recorded stream: `data` is written verbatim when a string, as JSON otherwise. @example { event: 'message_stop', data: { type: 'message_stop' } } */
export interface RecordedSseEvent {
  readonly event?: string;
  readonly data: unknown;
}

/**
 * A recorded provider exchange, as stored in `fixtures/providers/<api>/*.json`.
 * @example mock.script('gpt-4o-mini', [{ replay: JSON.parse(readFileSync('fixtures/providers/openai-chat/error-429.json', 'utf8')) }])
 */
export interface RecordedExchange {
  readonly description?: string;
  readonly api: MockApi;
  /** The request we expect to send (a subset of the body; tests compare what they care about). */
  readonly request: { readonly stream?: boolean; readonly body: Readonly<Record<string, unknown>> };
  readonly response: {
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    /** A JSON body. */
    readonly body?: unknown;
    /** A raw, non-JSON body sent as `application/json`. */
    readonly text?: string;
    /** SSE events, one per element. */
    readonly sse?: readonly RecordedSseEvent[];
    /** Destroy the socket after this many SSE events. */
    readonly resetAfterChunks?: number;
    /** Never answer. */
    readonly hang?: boolean;
  };
}

/** One scripted answer. @example mock.script('claude-haiku-4-5', [{ fail: { status: 529 } }, { hang: true }, 'ok']) */
export type MockStep =
  | 'ok'
  | { readonly fail: { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: unknown } }
  | { readonly hang: true }
  | { readonly notJson: true }
  | { readonly resetMidStream: { readonly afterChunks: number } }
  /** Streams the first chunks, then sends nothing more and keeps the connection open. */
  | { readonly stallMidStream: { readonly afterChunks: number } }
  | { readonly replay: RecordedExchange };

/** What the mock recorded about one request it received. @example expect(mock.requests[0]?.body).toMatchObject({ model: 'gpt-4o' }) */
export interface MockRequestLog {
  readonly api: MockApi;
  readonly path: string;
  readonly modelName: string;
  readonly stream: boolean;
  readonly body: Readonly<Record<string, unknown>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  readonly receivedAt: number;
}

/** A running mock provider. @example const mock = await startMockProvider(); try { ... } finally { await mock.close(); } */
export interface MockProvider {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** openai: `${url}/v1`; anthropic: `url` (the SDK adds `/v1/messages`). */
  baseUrl(api: 'openai' | 'anthropic'): string;
  /** Steps for a model name, consumed in order; once used up the model answers 'ok'. */
  script(modelName: string, steps: readonly MockStep[]): void;
  /** Delay in ms before answering requests for that model. */
  setLatency(modelName: string, ms: number): void;
  /** What 'ok' answers for that model. */
  setReply(modelName: string, reply: MockReply): void;
  readonly requests: readonly MockRequestLog[];
  /** Forgets scripts, latencies, replies and the request log. */
  reset(): void;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/** A finished wire answer: a JSON body, or SSE events. Built by the pure `convertTo*` functions. */
export type MockWireAnswer = { readonly kind: 'json'; readonly body: unknown } | { readonly kind: 'sse'; readonly events: readonly RecordedSseEvent[] };

/** The resolved reply with defaults applied, handed to the wire converters. */
export interface ResolvedMockReply {
  readonly text: string | undefined;
  readonly toolCalls: readonly { readonly name: string; readonly args: Readonly<Record<string, unknown>>; readonly id: string }[];
  readonly thinking: string | undefined;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly cacheReadTokens: number; readonly cacheWriteTokens: number; readonly reasoningTokens: number };
  readonly finishReason: 'stop' | 'length' | 'tool_call' | 'content_filter';
  readonly model: string;
  readonly responseId: string;
  readonly created: number;
}
