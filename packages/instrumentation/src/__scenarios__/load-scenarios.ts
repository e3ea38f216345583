/**
 * Reads fixtures/conversations/*.json, reviving `{ "$base64": "..." }` as bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Scenario } from './scenario-types.js';

export const CONVERSATIONS_DIR = new URL('../../../../fixtures/conversations/', import.meta.url);

function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const base64 = (value as { $base64?: unknown }).$base64;
    if (typeof base64 === 'string' && Object.keys(value).length === 1) return new Uint8Array(Buffer.from(base64, 'base64'));
  }
  return value;
}

/** Every scenario, sorted by name. */
export function loadScenarios(): Scenario[] {
  return readdirSync(CONVERSATIONS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, CONVERSATIONS_DIR), 'utf8'), revive) as Scenario);
}
