/** CallDeferred / ApprovalRequired on a function-tool span (spec section 10.1): v5 leaves the span UNSET. */
import * as A from '../semconv/attributes.js';
import { FEATURES_BY_VERSION } from '../semconv/versions.js';
import { toJsonText, toSerializableValue } from './serialize.js';
import type { ContentOptions, ToolSpanOutcome } from './types.js';

export type ToolDeferralName = 'CallDeferred' | 'ApprovalRequired';
const DEFERRAL_NAMES: readonly ToolDeferralName[] = ['CallDeferred', 'ApprovalRequired'];
const MARKERS = Symbol.for('hopscope.error.markers');

/**
 * Recognises a deferral error by its class name (`errorName` marker, `name`, or constructor name),
 * so the agent layer's error classes need no import here.
 * @example parseToolDeferral(Object.assign(new Error('later'), { name: 'CallDeferred', metadata: { id: 1 } }))
 * // { name: 'CallDeferred', metadata: { id: 1 } }
 */
export function parseToolDeferral(error: unknown): { name: ToolDeferralName; metadata: unknown } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const markers = (error as { [MARKERS]?: ReadonlySet<string> })[MARKERS];
  const candidates = [...(markers ?? []), (error as { name?: unknown }).name, error.constructor?.name];
  const name = DEFERRAL_NAMES.find((candidate) => candidates.includes(candidate));
  return name === undefined ? undefined : { name, metadata: (error as { metadata?: unknown }).metadata };
}

/**
 * What a deferral does to a tool span: the deferral name always, its metadata with content; before
 * v5 the exception is recorded and the span set to ERROR, from v5 neither. Undefined for other errors.
 * @example toToolDeferralOutcome(callDeferred, { version: 5, includeContent: true, includeBinaryContent: true })
 * // { attributes: { 'pydantic_ai.tool.deferral.name': 'CallDeferred' }, recordException: false, setError: false }
 */
export function toToolDeferralOutcome(error: unknown, content: ContentOptions): ToolSpanOutcome | undefined {
  const deferral = parseToolDeferral(error);
  if (deferral === undefined) return undefined;
  const attributes = {
    [A.ATTR_PYDANTIC_AI_TOOL_DEFERRAL_NAME]: deferral.name,
    ...(content.includeContent && deferral.metadata != null
      ? { [A.ATTR_PYDANTIC_AI_TOOL_DEFERRAL_METADATA]: toJsonText(toSerializableValue(deferral.metadata, content)) }
      : {}),
  };
  const isError = FEATURES_BY_VERSION[content.version].toolDeferralStatus === 'error';
  return { attributes, recordException: isError, setError: isError };
}
