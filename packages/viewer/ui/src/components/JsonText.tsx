import { LongText } from './LongText.js';

/** Pretty JSON of a value (strings stay as they are). */
function toPrettyJson(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as pretty-printed JSON text (never as HTML).
 *
 * @example
 * <JsonText value={{ city: 'Paris' }} />
 */
export function JsonText({ value }: { readonly value: unknown }) {
  return <LongText className="json-block" text={toPrettyJson(value)} />;
}
