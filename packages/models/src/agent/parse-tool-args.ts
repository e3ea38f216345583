/**
 * Turns a tool call's raw arguments into an object, or into validation errors for a retry prompt.
 * Checks what a JSON schema's top level says for sure: an object, the required keys present.
 */
import { toolCallArgsAsObject, type ToolCallPart, type ValidationErrorDetail } from '../messages.js';
import type { JsonSchema } from '../settings.js';

export type ParsedToolArgs = { readonly ok: true; readonly args: Record<string, unknown> } | { readonly ok: false; readonly errors: readonly ValidationErrorDetail[] };

/**
 * Parses a tool call's arguments against the tool's parameter schema. Pure.
 * @example parseToolArgs({ args: '{"city":"Paris"}' }, { type: 'object', required: ['city'] })
 */
export function parseToolArgs(part: Pick<ToolCallPart, 'args'>, schema: JsonSchema): ParsedToolArgs {
  let args: Record<string, unknown>;
  try {
    args = toolCallArgsAsObject(part);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ type: 'json_invalid', loc: [], msg: `Invalid JSON: ${msg}`, input: part.args }] };
  }
  const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const missing = required.filter((key) => !(key in args));
  if (missing.length > 0) return { ok: false, errors: missing.map((key) => ({ type: 'missing', loc: [key], msg: 'Field required', input: args })) };
  return { ok: true, args };
}
