import type { JsonSchema } from '../settings.js';

/**
 * Generates arguments that satisfy a JSON schema, deterministically, from a seed.
 * Strings are `'a'`, `'b'`...; numbers count up from the seed; the first enum value, the const.
 * @example computeArgsFromSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, 0)
 */
export function computeArgsFromSchema(schema: JsonSchema, seed: number): unknown {
  return generate(schema, seed, schema);
}

function letters(seed: number): string {
  let n = seed;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as JsonSchema | undefined) ?? {};
}

function generate(input: JsonSchema, seed: number, root: JsonSchema): unknown {
  const schema = resolveRef(input, root);
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  const anyOf = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length > 0) return generate(anyOf[0]!, seed, root);
  if ('default' in schema) return schema['default'];
  const type = Array.isArray(schema['type']) ? (schema['type'][0] as string) : (schema['type'] as string | undefined);
  switch (type) {
    case 'string':
      return letters(seed);
    case 'integer':
      return seed;
    case 'number':
      return seed + 0.5;
    case 'boolean':
      return seed % 2 === 0;
    case 'null':
      return null;
    case 'array': {
      const items = schema['items'] as JsonSchema | undefined;
      return items ? [generate(items, seed, root)] : [];
    }
    case 'object':
    case undefined: {
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema['required'] as string[] | undefined) ?? Object.keys(properties));
      const out: Record<string, unknown> = {};
      let i = seed;
      for (const [key, sub] of Object.entries(properties)) {
        if (required.has(key)) out[key] = generate(sub, i++, root);
      }
      return out;
    }
    default:
      return null;
  }
}
