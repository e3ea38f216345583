// Fallback chains: FallbackModel, fallbackOn conditions, typed errors, hop usage.
export type { FallbackMember } from './fallback-model.js';
export { FallbackModel } from './fallback-model.js';
export type { ErrorClass, ErrorCondition, ErrorPredicate, FallbackCondition, FallbackOn, FallbackPolicy, ResponseCondition, ResponsePredicate } from './fallback-on.js';
export { matchesError, matchesResponse, onError, onResponse, parseFallbackOn } from './fallback-on.js';
export { isCategory, TRANSIENT_CATEGORIES } from './categories.js';
export { FallbackExceptionGroup, FallbackResponseRejectedError, FallbackStreamError, HedgeLostError } from './errors.js';
export type { AdmitDecision, CooldownOptions, MemberHealth, MemberState } from './health.js';
export { computeCooldownMs, HealthTracker } from './health.js';
export { computeChainUsage } from './chain-usage.js';
export type { FallbackEvent, FallbackModelOptions } from './options.js';
export { parseFallbackOptions } from './options.js';
export type { ForwardingHooks, StreamEnd } from './forwarding-stream.js';
export { ForwardingStreamedResponse } from './forwarding-stream.js';
