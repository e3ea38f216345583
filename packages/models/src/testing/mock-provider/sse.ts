import type { RecordedSseEvent } from './types.js';

/**
 * One SSE event as it goes on the wire: optional `event:` line, one `data:` line, blank line.
 * @example convertToSseText({ data: '[DONE]' }) === 'data: [DONE]\n\n'
 */
export function convertToSseText(event: RecordedSseEvent): string {
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  return `${event.event !== undefined ? `event: ${event.event}\n` : ''}data: ${data}\n\n`;
}
