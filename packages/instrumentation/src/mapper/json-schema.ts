/** `logfire.json_schema` variants (spec sections 2, 3, 5, 9, 10; decision 4), all compact JSON. */
import type { Attributes } from '@opentelemetry/api';
import { FEATURES_BY_VERSION, type InstrumentationVersion } from '../semconv/versions.js';

const OBJECT = { type: 'object' } as const;
const ARRAY = { type: 'array' } as const;

/** Which span's schema to build. */
export type LogfireJsonSchemaSpec =
  /** Chat span at start, and v1 `logs` mode at finish. */
  | { readonly span: 'chat-start' }
  /** Chat span at finish, v2+. */
  | { readonly span: 'chat-messages'; readonly hasSystemInstructions: boolean }
  /** Chat span at finish, v1 `attributes` mode. */
  | { readonly span: 'chat-events' }
  /** Agent-run span at end: each message/metadata attribute typed from its value, then `final_result`. */
  | { readonly span: 'agent-run'; readonly attributes: Attributes }
  /** Tool or output-function span; `hasCallId: false` only for output functions without a tool call. */
  | { readonly span: 'tool'; readonly version: InstrumentationVersion; readonly includeContent: boolean; readonly hasCallId?: boolean };

function schemaProperties(spec: LogfireJsonSchemaSpec): Record<string, object> {
  switch (spec.span) {
    case 'chat-start':
      return { model_request_parameters: OBJECT };
    case 'chat-messages':
      return {
        'gen_ai.input.messages': ARRAY,
        'gen_ai.output.messages': ARRAY,
        ...(spec.hasSystemInstructions ? { 'gen_ai.system_instructions': ARRAY } : {}),
        model_request_parameters: OBJECT,
      };
    case 'chat-events':
      return { events: ARRAY, model_request_parameters: OBJECT };
    case 'agent-run':
      return {
        ...Object.fromEntries(Object.entries(spec.attributes).map(([key, value]) => [key, typeof value === 'string' ? ARRAY : {}])),
        final_result: OBJECT,
      };
    case 'tool': {
      const row = FEATURES_BY_VERSION[spec.version];
      return {
        ...(spec.includeContent ? { [row.toolArgumentsAttribute]: OBJECT, [row.toolResultAttribute]: OBJECT } : {}),
        'gen_ai.tool.name': {},
        ...(spec.hasCallId === false ? {} : { 'gen_ai.tool.call.id': {} }),
      };
    }
    default: {
      const _exhaustive: never = spec;
      return _exhaustive;
    }
  }
}

/** The texts of the fixed-shape variants (every variant but 'agent-run'), built once each. */
const fixedSchemas = new Map<string, string>();

function fixedSchemaKey(spec: Exclude<LogfireJsonSchemaSpec, { span: 'agent-run' }>): string {
  switch (spec.span) {
    case 'chat-start':
    case 'chat-events':
      return spec.span;
    case 'chat-messages':
      // Literal keys: this runs on every chat span, and a key built per call is hashed per call.
      return spec.hasSystemInstructions ? 'chat-messages|true' : 'chat-messages|false';
    case 'tool':
      return `${spec.span}|${spec.version}|${spec.includeContent}|${spec.hasCallId !== false}`;
    default: {
      const _exhaustive: never = spec;
      return _exhaustive;
    }
  }
}

/**
 * The `logfire.json_schema` attribute that tells Logfire which attributes hold JSON.
 * @example toLogfireJsonSchema({ span: 'chat-start' })
 * // '{"type":"object","properties":{"model_request_parameters":{"type":"object"}}}'
 */
export function toLogfireJsonSchema(spec: LogfireJsonSchemaSpec): string {
  if (spec.span === 'agent-run') return JSON.stringify({ type: 'object', properties: schemaProperties(spec) });
  const key = fixedSchemaKey(spec);
  let text = fixedSchemas.get(key);
  if (text === undefined) {
    text = JSON.stringify({ type: 'object', properties: schemaProperties(spec) });
    fixedSchemas.set(key, text);
  }
  return text;
}
