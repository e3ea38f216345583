import type { MockApi } from './types.js';

const OPENAI_ERROR: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

const ANTHROPIC_ERROR: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'model: not found' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/**
 * The error body each API sends for a status: OpenAI's `{error: {message, type, param, code}}`,
 * Anthropic's `{type: 'error', error: {type, message}}`.
 * @example convertToMockErrorBody('anthropic', 529) // { type: 'error', error: { type: 'overloaded_error', ... } }
 */
export function convertToMockErrorBody(api: MockApi, status: number): unknown {
  if (api === 'anthropic') {
    const e = ANTHROPIC_ERROR[status] ?? (status >= 500 ? ANTHROPIC_ERROR[500]! : ANTHROPIC_ERROR[400]!);
    return { type: 'error', error: { type: e.type, message: e.message }, request_id: 'req_mock' };
  }
  const e = OPENAI_ERROR[status] ?? (status >= 500 ? OPENAI_ERROR[500]! : OPENAI_ERROR[400]!);
  return { error: { message: e.message, type: e.type, param: null, code: e.code } };
}

/** The non-JSON body a misbehaving proxy sends with a 200 (an HTML page). */
export const NOT_JSON_BODY = '<html><head><title>502 Bad Gateway</title></head><body>upstream sent an invalid response</body></html>';
