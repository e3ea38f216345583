import { parseKeyValues } from './any-value.js';
import type { NormalizedResource, NormalizedScope } from './normalized-types.js';
import { parseArrayField, parseMessageField, parseStringField, parseUintField } from './wire-read.js';

/** One `resource*` / `scope*` pair of an OTLP request with the items inside it. */
export interface ScopedItems {
  readonly resource: NormalizedResource;
  readonly scope: NormalizedScope;
  readonly items: readonly unknown[];
  readonly where: string;
}

/**
 * Walks `resourceX[i].scopeX[j].items[k]` of any OTLP request, normalising each resource and
 * scope once (items of one scope share the same objects).
 *
 * @example
 * parseScopedItems(body, 'resourceSpans', 'scopeSpans', 'spans');
 */
export function parseScopedItems(body: unknown, resourceKey: string, scopeKey: string, itemKey: string): ScopedItems[] {
  const request = parseMessageField(body, '');
  const groups: ScopedItems[] = [];
  const resources = parseArrayField(request[resourceKey], resourceKey);
  resources.forEach((rawResourceEntry, resourceIndex) => {
    const resourceWhere = `${resourceKey}[${resourceIndex}]`;
    const resourceEntry = parseMessageField(rawResourceEntry, resourceWhere);
    const rawResource = parseMessageField(resourceEntry.resource, `${resourceWhere}.resource`);
    const resource: NormalizedResource = {
      attributes: parseKeyValues(rawResource.attributes, `${resourceWhere}.resource.attributes`),
      droppedAttributesCount: parseUintField(rawResource.droppedAttributesCount, `${resourceWhere}.resource.droppedAttributesCount`),
      schemaUrl: parseStringField(resourceEntry.schemaUrl, `${resourceWhere}.schemaUrl`),
    };
    parseArrayField(resourceEntry[scopeKey], `${resourceWhere}.${scopeKey}`).forEach((rawScopeEntry, scopeIndex) => {
      const scopeWhere = `${resourceWhere}.${scopeKey}[${scopeIndex}]`;
      const scopeEntry = parseMessageField(rawScopeEntry, scopeWhere);
      const rawScope = parseMessageField(scopeEntry.scope, `${scopeWhere}.scope`);
      const scope: NormalizedScope = {
        name: parseStringField(rawScope.name, `${scopeWhere}.scope.name`),
        version: parseStringField(rawScope.version, `${scopeWhere}.scope.version`),
        attributes: parseKeyValues(rawScope.attributes, `${scopeWhere}.scope.attributes`),
        droppedAttributesCount: parseUintField(rawScope.droppedAttributesCount, `${scopeWhere}.scope.droppedAttributesCount`),
        schemaUrl: parseStringField(scopeEntry.schemaUrl, `${scopeWhere}.schemaUrl`),
      };
      const items = parseArrayField(scopeEntry[itemKey], `${scopeWhere}.${itemKey}`);
      groups.push({ resource, scope, items, where: `${scopeWhere}.${itemKey}` });
    });
  });
  return groups;
}
