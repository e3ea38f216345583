/**
 * A model that replays a scenario's scripted replies: responses, HTTP errors, and streams that
 * may break after some chunks. It has a base URL, unlike the models package's test models.
 */
import {
  createModelHTTPError,
  EventListStreamedResponse,
  ModelBase,
  requestUsage,
  type ModelMessage,
  type ModelRequestParameters,
  type ModelResponse,
  type ModelSettings,
  type RequestOptions,
  type StreamedResponse,
} from '@hopscope/models';
import type { ScriptedModelSpec, ScriptedReply } from './scenario-types.js';

export const SCRIPTED_TIMESTAMP = new Date('2025-01-01T00:00:00Z');

function failure(reply: { failWith?: { name: string; message: string } }): Error {
  const error = new Error(reply.failWith?.message ?? 'stream failed');
  error.name = reply.failWith?.name ?? 'Error';
  return error;
}

export class ScriptedModel extends ModelBase {
  readonly modelName: string;
  readonly system: string;
  private readonly replies: ScriptedReply[];

  constructor(private readonly spec: ScriptedModelSpec) {
    super(spec.settings ? { settings: spec.settings } : {});
    this.modelName = spec.modelName;
    this.system = spec.system;
    this.replies = [...spec.replies];
  }

  override get baseUrl(): string | undefined {
    return this.spec.baseUrl;
  }

  private next(): ScriptedReply {
    const reply = this.replies.shift();
    if (!reply) throw new Error(`${this.modelName}: no scripted reply left`);
    if ('error' in reply) throw createModelHTTPError({ statusCode: reply.error.statusCode, body: reply.error.body, modelName: this.modelName, provider: this.system });
    return reply;
  }

  private toResponse(reply: Extract<ScriptedReply, { response: unknown }>): ModelResponse {
    const r = reply.response;
    return {
      kind: 'response',
      parts: r.parts,
      usage: requestUsage(r.usage),
      modelName: r.modelName ?? this.modelName,
      providerName: this.system,
      timestamp: SCRIPTED_TIMESTAMP,
      ...(r.providerUrl !== undefined ? { providerUrl: r.providerUrl } : {}),
      ...(r.providerResponseId !== undefined ? { providerResponseId: r.providerResponseId } : {}),
      ...(r.finishReason !== undefined ? { finishReason: r.finishReason } : {}),
    };
  }

  protected async doRequest(_messages: readonly ModelMessage[], _settings: ModelSettings | undefined, _parameters: ModelRequestParameters, _options: RequestOptions): Promise<ModelResponse> {
    return this.toResponse(this.next() as Extract<ScriptedReply, { response: unknown }>);
  }

  protected async doRequestStream(_messages: readonly ModelMessage[], _settings: ModelSettings | undefined, _parameters: ModelRequestParameters, _options: RequestOptions): Promise<StreamedResponse> {
    const reply = this.next() as Extract<ScriptedReply, { response: unknown }>;
    const response = this.toResponse(reply);
    const chunks = reply.streamChunks;
    return new EventListStreamedResponse(
      response.modelName ?? this.modelName,
      this.system,
      async function* (manager, setUsage, setFinish) {
        if (chunks === undefined) {
          for (const [index, part] of response.parts.entries()) yield manager.handlePart(index, part);
        } else {
          for (const [index, chunk] of chunks.entries()) {
            if (reply.failAfterChunks !== undefined && index >= reply.failAfterChunks) throw failure(reply);
            yield manager.handleTextDelta('text', chunk);
          }
        }
        setUsage(response.usage);
        setFinish(response.finishReason);
      },
      response.providerUrl,
    );
  }
}
