// @hopscope/models/testing: test doubles. Explicit export list: add new exports here by name.
export type { MockApi, MockProvider, MockReply, MockRequestLog, MockStep, RecordedExchange, RecordedSseEvent } from './mock-provider/index.js';
export { DEFAULT_MOCK_TEXT, startMockProvider } from './mock-provider/index.js';
export type { TestModelOptions } from './test-model.js';
export { TestModel } from './test-model.js';
export type { AnswerFunction, FunctionAnswer, FunctionCallInfo, FunctionModelOptions, FunctionStreamChunk, StreamAnswerFunction } from './function-model.js';
export { FunctionModel } from './function-model.js';
