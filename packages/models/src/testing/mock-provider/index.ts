export type { MockApi, MockProvider, MockReply, MockRequestLog, MockStep, RecordedExchange, RecordedSseEvent } from './types.js';
export { startMockProvider } from './server.js';
export { DEFAULT_MOCK_TEXT } from './resolve-reply.js';
