/**
 * The JSON shape of fixtures/conversations/*.json (test support; not part of the package API).
 */
import type { ModelMessage, ModelRequestParameters, ModelResponsePart, ModelSettings, RequestUsage, FinishReason, JsonSchema } from '@hopscope/models';

export interface ScriptedResponseSpec {
  readonly parts: readonly ModelResponsePart[];
  readonly usage?: Partial<RequestUsage>;
  readonly modelName?: string;
  readonly providerUrl?: string;
  readonly providerResponseId?: string;
  readonly finishReason?: FinishReason;
}

export type ScriptedReply =
  | { readonly error: { readonly statusCode: number; readonly body?: unknown } }
  | {
      readonly response: ScriptedResponseSpec;
      /** Text deltas to stream; the response's text parts are replaced by what was streamed. */
      readonly streamChunks?: readonly string[];
      readonly failAfterChunks?: number;
      readonly failWith?: { readonly name: string; readonly message: string };
    };

export interface ScriptedModelSpec {
  readonly modelName: string;
  readonly system: string;
  readonly baseUrl?: string;
  readonly settings?: ModelSettings;
  readonly replies: readonly ScriptedReply[];
}

export type ToolBehaviour =
  | { readonly kind: 'return'; readonly result: unknown }
  | { readonly kind: 'defer'; readonly metadata?: Record<string, unknown> }
  | { readonly kind: 'approval'; readonly metadata?: Record<string, unknown> }
  | { readonly kind: 'retry-once'; readonly message: string; readonly result: unknown };

export interface AgentSpec {
  readonly name?: string;
  readonly description?: string;
  readonly instructions?: string;
  readonly systemPrompt?: string;
  readonly metadata?: Record<string, unknown>;
  readonly tools?: readonly { readonly name: string; readonly description?: string; readonly parameters: JsonSchema; readonly behaviour: ToolBehaviour }[];
  readonly outputTool?: { readonly name?: string; readonly description?: string; readonly parameters: JsonSchema; readonly uppercase?: string };
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly run: 'request' | 'stream' | 'fallback' | 'agent';
  readonly model?: ScriptedModelSpec;
  readonly members?: readonly (ScriptedModelSpec & { readonly rejectResponse?: boolean })[];
  readonly messages?: readonly ModelMessage[];
  readonly settings?: ModelSettings;
  readonly parameters?: Partial<ModelRequestParameters>;
  readonly agent?: AgentSpec;
  readonly prompt?: string;
}
