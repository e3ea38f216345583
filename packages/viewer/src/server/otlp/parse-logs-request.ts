import { parseAnyValue, parseKeyValues } from './any-value.js';
import type { NormalizedLog, RejectedItem } from './normalized-types.js';
import { parseScopedItems } from './parse-envelope.js';
import { parseIdField, parseMessageField, parseNanosField, parseStringField, parseUintField } from './wire-read.js';

/** The log records of one ExportLogsServiceRequest and the ones refused (bad ids). */
export interface ParsedLogsRequest {
  readonly logs: NormalizedLog[];
  readonly rejected: RejectedItem[];
}

/**
 * An ExportLogsServiceRequest (decoded protobuf or OTLP/JSON) as normalised log records. A
 * record with a malformed trace or span id is refused alone; records without ids are kept.
 *
 * @example
 * parseLogsRequest({ resourceLogs: [] }); // { logs: [], rejected: [] }
 */
export function parseLogsRequest(body: unknown): ParsedLogsRequest {
  const logs: NormalizedLog[] = [];
  const rejected: RejectedItem[] = [];
  for (const group of parseScopedItems(body, 'resourceLogs', 'scopeLogs', 'logRecords')) {
    group.items.forEach((raw, index) => {
      const where = `${group.where}[${index}]`;
      const record = parseMessageField(raw, where);
      const traceId = parseIdField(record.traceId, 16);
      const spanId = parseIdField(record.spanId, 8);
      if ('error' in traceId || 'error' in spanId) {
        const reason = 'error' in traceId ? `${where}.traceId: ${traceId.error}` : `${where}.spanId: ${'error' in spanId ? spanId.error : ''}`;
        rejected.push({ where, reason });
        return;
      }
      logs.push({
        traceId: traceId.id,
        spanId: spanId.id,
        timeUnixNano: parseNanosField(record.timeUnixNano, `${where}.timeUnixNano`),
        observedTimeUnixNano: parseNanosField(record.observedTimeUnixNano, `${where}.observedTimeUnixNano`),
        severityNumber: parseSeverity(record.severityNumber, `${where}.severityNumber`),
        severityText: parseStringField(record.severityText, `${where}.severityText`),
        eventName: parseStringField(record.eventName, `${where}.eventName`),
        body: parseAnyValue(record.body, `${where}.body`),
        attributes: parseKeyValues(record.attributes, `${where}.attributes`),
        droppedAttributesCount: parseUintField(record.droppedAttributesCount, `${where}.droppedAttributesCount`),
        flags: parseUintField(record.flags, `${where}.flags`),
        resource: group.resource,
        scope: group.scope,
      });
    });
  }
  return { logs, rejected };
}

const SEVERITY_NAMES = ['UNSPECIFIED', 'TRACE', 'TRACE2', 'TRACE3', 'TRACE4', 'DEBUG', 'DEBUG2', 'DEBUG3', 'DEBUG4', 'INFO', 'INFO2', 'INFO3', 'INFO4', 'WARN', 'WARN2', 'WARN3', 'WARN4', 'ERROR', 'ERROR2', 'ERROR3', 'ERROR4', 'FATAL', 'FATAL2', 'FATAL3', 'FATAL4'];

function parseSeverity(value: unknown, where: string): number {
  if (typeof value === 'string' && !/^\d+$/.test(value)) {
    const short = value.toUpperCase().replace(/^SEVERITY_NUMBER_/, '');
    const index = SEVERITY_NAMES.indexOf(short);
    if (index >= 0) return index;
  }
  return parseUintField(value, where);
}
