import { ModelAPIError } from '../../errors.js';
import type { FinishReason, ModelResponse, ModelResponsePart } from '../../messages.js';
import type { RequestUsage } from '../../usage.js';

/** Who answered: stamped on every parsed response. */
export interface ResponseContext {
  readonly modelName: string;
  readonly providerName: string;
  readonly providerUrl: string | undefined;
}

/**
 * The error for a 200 whose body is not the object the API promises (an HTML page from a
 * proxy, a string): a `ModelAPIError` with category `invalid_response`.
 * @example throw toInvalidResponseError(context, body, 'no choices')
 */
export function toInvalidResponseError(context: ResponseContext, body: unknown, reason: string): ModelAPIError {
  const preview = typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200);
  return new ModelAPIError(`${context.providerName} sent an invalid response for ${context.modelName} (${reason}): ${preview ?? String(body)}`, {
    modelName: context.modelName,
    provider: context.providerName,
    category: 'invalid_response',
    body,
  });
}

/** True for a plain JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A parsed response stamped with who answered: the response's own model name when it has one,
 * the raw finish reason kept in `providerDetails.finish_reason`.
 * @example toModelResponse(context, { parts, usage, modelName: body.model, id: body.id, finishReason: 'stop', rawFinishReason: 'stop' })
 */
export function toModelResponse(
  context: ResponseContext,
  fields: { parts: readonly ModelResponsePart[]; usage: RequestUsage; modelName?: string | null; id?: string | null; finishReason?: FinishReason | undefined; rawFinishReason?: string | null | undefined; timestamp?: Date },
): ModelResponse {
  return {
    kind: 'response',
    parts: fields.parts,
    usage: fields.usage,
    modelName: fields.modelName || context.modelName,
    providerName: context.providerName,
    timestamp: fields.timestamp ?? new Date(),
    ...(context.providerUrl !== undefined ? { providerUrl: context.providerUrl } : {}),
    ...(fields.id ? { providerResponseId: fields.id } : {}),
    ...(fields.finishReason !== undefined ? { finishReason: fields.finishReason } : {}),
    ...(fields.rawFinishReason ? { providerDetails: { finish_reason: fields.rawFinishReason } } : {}),
  };
}
