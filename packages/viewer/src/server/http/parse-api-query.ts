import type { StatusCodeName, TraceListQuery } from '../../shared/api-types.js';
import { HttpError } from './http-error.js';

type RawQuery = Record<string, unknown>;

const single = (query: RawQuery, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  throw new HttpError(400, `Query parameter "${name}" must be given once as text`, { where: name });
};

const number = (query: RawQuery, name: string, min: number): number | undefined => {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new HttpError(400, `Query parameter "${name}" must be a number ≥ ${min}, got "${text}"`, { where: name });
  return value;
};

const STATUSES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/**
 * /api/traces query parameters as a TraceListQuery; bad values are a 400 naming the parameter.
 *
 * @example
 * parseTraceListQuery({ model: 'gpt-4o', hasFallback: 'true', limit: '20' });
 */
export function parseTraceListQuery(query: RawQuery): TraceListQuery {
  const status = single(query, 'status')?.toUpperCase();
  if (status !== undefined && !STATUSES.includes(status as StatusCodeName)) {
    throw new HttpError(400, `Query parameter "status" must be one of ${STATUSES.join(', ')}`, { where: 'status' });
  }
  const fallback = single(query, 'hasFallback');
  if (fallback !== undefined && fallback !== 'true' && fallback !== 'false') throw new HttpError(400, 'Query parameter "hasFallback" must be true or false', { where: 'hasFallback' });
  const entries: [keyof TraceListQuery, unknown][] = [
    ['limit', number(query, 'limit', 1)],
    ['cursor', single(query, 'cursor')],
    ['service', single(query, 'service')],
    ['model', single(query, 'model')],
    ['provider', single(query, 'provider')],
    ['operation', single(query, 'operation')],
    ['status', status],
    ['hasFallback', fallback === undefined ? undefined : fallback === 'true'],
    ['minCostUsd', number(query, 'minCostUsd', 0)],
    ['maxCostUsd', number(query, 'maxCostUsd', 0)],
    ['minTokens', number(query, 'minTokens', 0)],
    ['maxTokens', number(query, 'maxTokens', 0)],
    ['q', single(query, 'q')],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as TraceListQuery;
}

/**
 * A trace or span id path parameter as lowercase hex; 400 otherwise.
 *
 * @example
 * parseHexIdParam('ABCD…', 16, 'traceId');
 */
export function parseHexIdParam(value: unknown, bytes: number, name: string): string {
  if (typeof value === 'string' && value.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(value)) return value.toLowerCase();
  throw new HttpError(400, `${name} must be ${bytes * 2} hex characters`, { where: name });
}
