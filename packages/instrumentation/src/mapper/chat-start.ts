/** Chat span name and start attributes (spec section 2.1), and a fallback winner's overrides (section 11, decision 6). */
import type { Attributes } from '@opentelemetry/api';
import type { ModelRequestParameters, ModelSettings } from '@hopscope/models';
import * as A from '../semconv/attributes.js';
import { toLogfireJsonSchema } from './json-schema.js';
import { toModelRequestParametersJson, toToolDefinitionsJson } from './tool-definitions.js';
import type { BaggageIds, ModelIdentity } from './types.js';

const REQUEST_SETTINGS: readonly (readonly [string, keyof ModelSettings])[] = [
  [A.ATTR_GEN_AI_REQUEST_MAX_TOKENS, 'maxTokens'],
  [A.ATTR_GEN_AI_REQUEST_TOP_P, 'topP'],
  [A.ATTR_GEN_AI_REQUEST_SEED, 'seed'],
  [A.ATTR_GEN_AI_REQUEST_TEMPERATURE, 'temperature'],
  [A.ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, 'presencePenalty'],
  [A.ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, 'frequencyPenalty'],
];

const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?/i;

/** @example toChatSpanName('gpt-4o') === 'chat gpt-4o' */
export function toChatSpanName(requestModel: string): string {
  return `chat ${requestModel}`;
}

/** Writes `server.address` and `server.port` of a base URL into `out` (see toServerAttributes). */
function writeServerAttributes(out: Attributes, baseUrl: string | undefined): void {
  const match = baseUrl === undefined ? null : AUTHORITY.exec(baseUrl);
  const host = match?.[1]?.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return;
  out[A.ATTR_SERVER_ADDRESS] = host;
  const port = match?.[2] ? Number(match[2]) : undefined;
  if (port !== undefined && port <= 65535) out[A.ATTR_SERVER_PORT] = port;
}

/** `server.address` and `server.port` (only when written in the URL) from a base URL. @example toServerAttributes('http://localhost:8000/v1') // { 'server.address': 'localhost', 'server.port': 8000 } */
export function toServerAttributes(baseUrl: string | undefined): Attributes {
  const out: Attributes = {};
  writeServerAttributes(out, baseUrl);
  return out;
}

function writeModelIdentityAttributes(out: Attributes, model: ModelIdentity): void {
  out[A.ATTR_GEN_AI_PROVIDER_NAME] = model.system;
  out[A.ATTR_GEN_AI_SYSTEM] = model.system;
  out[A.ATTR_GEN_AI_REQUEST_MODEL] = model.modelName;
  writeServerAttributes(out, model.baseUrl);
}

/** The model's provider, name and server. @example toModelIdentityAttributes({ modelName: 'm', system: 'test', baseUrl: undefined }) */
export function toModelIdentityAttributes(model: ModelIdentity): Attributes {
  const out: Attributes = {};
  writeModelIdentityAttributes(out, model);
  return out;
}

function writeBaggageAttributes(out: Attributes, baggage: BaggageIds): void {
  if (baggage.agentName !== undefined) out[A.ATTR_GEN_AI_AGENT_NAME] = baggage.agentName;
  if (baggage.agentCallId !== undefined) out[A.ATTR_GEN_AI_AGENT_CALL_ID] = baggage.agentCallId;
  if (baggage.conversationId !== undefined) out[A.ATTR_GEN_AI_CONVERSATION_ID] = baggage.conversationId;
}

/** Agent-run baggage as attributes, in the reference's order. @example toBaggageAttributes({ agentName: 'agent' }) // { 'gen_ai.agent.name': 'agent' } */
export function toBaggageAttributes(baggage: BaggageIds): Attributes {
  const out: Attributes = {};
  writeBaggageAttributes(out, baggage);
  return out;
}

function writeRequestSettingsAttributes(out: Attributes, settings: ModelSettings | undefined): void {
  if (settings === undefined) return;
  for (const [name, key] of REQUEST_SETTINGS) {
    const value = settings[key];
    if (typeof value === 'number') out[name] = value;
  }
}

/** `gen_ai.request.*` for the numeric settings. @example toRequestSettingsAttributes({ temperature: 0.2 }) // { 'gen_ai.request.temperature': 0.2 } */
export function toRequestSettingsAttributes(settings: ModelSettings | undefined): Attributes {
  const out: Attributes = {};
  writeRequestSettingsAttributes(out, settings);
  return out;
}

/** Model request parameters, tool definitions and settings: the tail that a fallback winner overrides too. */
function writeParametersAttributes(out: Attributes, o: { settings: ModelSettings | undefined; parameters: ModelRequestParameters; includeContent?: boolean }, baggage: BaggageIds | undefined): void {
  out[A.ATTR_MODEL_REQUEST_PARAMETERS] = toModelRequestParametersJson(o.parameters, { includeContent: o.includeContent ?? true });
  if (baggage !== undefined) {
    writeBaggageAttributes(out, baggage);
    out[A.ATTR_LOGFIRE_JSON_SCHEMA] = toLogfireJsonSchema({ span: 'chat-start' });
  }
  const toolDefinitions = toToolDefinitionsJson(o.parameters);
  if (toolDefinitions !== undefined) out[A.ATTR_GEN_AI_TOOL_DEFINITIONS] = toolDefinitions;
  writeRequestSettingsAttributes(out, o.settings);
}

/**
 * The chat span's start attributes, in the reference's insertion order.
 * @example toChatStartAttributes({ model, settings: { temperature: 0 }, parameters: modelRequestParameters(), baggage: {} })
 */
export function toChatStartAttributes(o: { model: ModelIdentity; settings: ModelSettings | undefined; parameters: ModelRequestParameters; baggage: BaggageIds; includeContent?: boolean }): Attributes {
  // Built field by field into one object, in the reference's order: this runs on every chat span.
  const out: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_CHAT };
  writeModelIdentityAttributes(out, o.model);
  writeParametersAttributes(out, o, o.baggage);
  return out;
}

/**
 * What a FallbackModel's winner overrides on the chat span: its identity and its own prepared
 * parameters, tool definitions and settings (decision 6: not the stale fallback-level ones).
 * @example toFallbackWinnerAttributes({ model: winner, settings, parameters })
 */
export function toFallbackWinnerAttributes(o: { model: ModelIdentity; settings: ModelSettings | undefined; parameters: ModelRequestParameters; includeContent?: boolean }): Attributes {
  const out: Attributes = {};
  writeModelIdentityAttributes(out, o.model);
  writeParametersAttributes(out, o, undefined);
  return out;
}
