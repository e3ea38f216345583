/** Per-request model settings, as pydantic-ai's `ModelSettings` (camelCase). */
export interface ModelSettings {
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  /**
   * Timeout of one HTTP attempt in milliseconds, as the SDKs count it. Outside a fallback chain a
   * provider model retries by its retry policy (2 retries by default), and each attempt gets the
   * full timeout; set `retry: false` on the model, or use a FallbackModel's `hopTimeoutMs`, to
   * bound the whole call.
   */
  readonly timeout?: number;
  readonly parallelToolCalls?: boolean;
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
  readonly logitBias?: Readonly<Record<string, number>>;
  readonly stopSequences?: readonly string[];
  readonly extraHeaders?: Readonly<Record<string, string>>;
  readonly extraBody?: Readonly<Record<string, unknown>>;
  readonly thinking?: ThinkingSetting;
}

export type ThinkingSetting = boolean | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** A JSON schema object (kept loose on purpose: it is passed to providers verbatim). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type ToolKind = 'function' | 'output' | 'external' | 'unapproved';

/** What the model is told about a tool. */
export interface ToolDefinition {
  readonly name: string;
  readonly parametersJsonSchema: JsonSchema;
  readonly description?: string;
  readonly strict?: boolean;
  readonly sequential?: boolean;
  readonly kind?: ToolKind;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export type OutputMode = 'text' | 'tool' | 'native' | 'prompted' | 'tool_or_text' | 'image' | 'auto';

/** One piece of the instructions, static or produced at run time. */
export interface InstructionPart {
  readonly content: string;
  readonly dynamic: boolean;
}

/** What a request may use: function tools, output tools, and whether plain text ends the run. */
export interface ModelRequestParameters {
  readonly functionTools: readonly ToolDefinition[];
  readonly outputTools: readonly ToolDefinition[];
  readonly allowTextOutput: boolean;
  readonly outputMode?: OutputMode;
  readonly instructionParts?: readonly InstructionPart[];
}

/**
 * Request parameters with defaults: no tools, text output allowed.
 * @example modelRequestParameters({ functionTools: [weatherTool] })
 */
export function modelRequestParameters(fields: Partial<ModelRequestParameters> = {}): ModelRequestParameters {
  return { functionTools: [], outputTools: [], allowTextOutput: true, outputMode: 'text', ...fields };
}

/** Later settings win key by key; `extraHeaders` and `extraBody` merge one level deep. */
export function mergeModelSettings(base: ModelSettings | undefined, override: ModelSettings | undefined): ModelSettings | undefined {
  if (base === undefined) return override;
  if (override === undefined) return base;
  const merged: ModelSettings = { ...base, ...override };
  const extraHeaders = base.extraHeaders || override.extraHeaders ? { ...base.extraHeaders, ...override.extraHeaders } : undefined;
  const extraBody = base.extraBody || override.extraBody ? { ...base.extraBody, ...override.extraBody } : undefined;
  return { ...merged, ...(extraHeaders ? { extraHeaders } : {}), ...(extraBody ? { extraBody } : {}) };
}
