import { ModelAPIError } from '../../errors.js';

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
