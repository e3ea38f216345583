// Instrumentation overhead (`pnpm run bench:instrumentation`): prints, for a ten-turn conversation
// with tool calls, the cost of an instrumented request against (a) the same request without
// instrumentation, (b) one bare span carrying the same attributes and (c) that span plus the same
// metric records, all on the same SDK tracer and meter providers in one run; then how the cost grows
// with the message count and with a binary part, for a repeated history and for fresh messages.
// Numbers are medians of batches; nothing here asserts on time.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { FunctionModel, binaryContent, modelRequest, modelRequestParameters, textPart, toolCallPart, toolReturnPart, userPrompt, requestUsage } from '@hopscope/models';
import { computeResponseCost, InstrumentationSettings, InstrumentedModel, recordChatMetrics, toChatFinishAttributes, toChatMetricAttributes, toChatStartAttributes } from '@hopscope/instrumentation';

// The OpenTelemetry SDK is a dependency of @hopscope/instrumentation, not of the workspace root.
const fromInstrumentation = createRequire(new URL('../packages/instrumentation/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(fromInstrumentation.resolve(name)).href);
const { BasicTracerProvider, SimpleSpanProcessor } = await load('@opentelemetry/sdk-trace-base');
const { MeterProvider } = await load('@opentelemetry/sdk-metrics');

const BATCHES = Number(process.env.BENCH_BATCHES ?? 15);

/** Counts spans and keeps the last one, so nothing is optimised away. */
class KeepLastExporter {
  last = undefined;
  count = 0;
  export(spans, done) {
    this.count += spans.length;
    this.last = spans[spans.length - 1];
    done({ code: 0 });
  }
  async shutdown() {}
  async forceFlush() {}
}

const exporter = new KeepLastExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const meterProvider = new MeterProvider();
const settings = new InstrumentationSettings({ tracerProvider, meterProvider });
const tracer = tracerProvider.getTracer('bench');
const weather = { name: 'get_weather', description: 'Weather of a city.', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const parameters = modelRequestParameters({ functionTools: [weather] });
const usage = requestUsage({ inputTokens: 1200, outputTokens: 80 });
const model = new FunctionModel(() => ({ parts: [textPart('Sunny everywhere.')], usage, modelName: 'gpt-4o-2024-11-20', finishReason: 'stop' }), { modelName: 'gpt-4o', system: 'openai' });
const instrumented = new InstrumentedModel(model, settings);

/** `turns` turns of user prompt -> tool call -> tool return -> answer, ending on a request. */
function conversation(messageCount) {
  const messages = [];
  for (let i = 0; messages.length < messageCount; i++) {
    const id = `call_${i}`;
    const cycle = [
      modelRequest([userPrompt(`What is the weather in city number ${i}? Please be precise and brief.`)], { instructions: 'You are a weather bot.' }),
      { kind: 'response', parts: [toolCallPart('get_weather', { city: `City ${i}` }, id)], usage, modelName: 'gpt-4o-2024-11-20', finishReason: 'tool_call', timestamp: new Date(0) },
      modelRequest([toolReturnPart('get_weather', { city: `City ${i}`, tempC: 20 + (i % 10), sky: 'clear', wind: 'light breeze from the west' }, id)]),
      { kind: 'response', parts: [textPart(`City ${i} is sunny at ${20 + (i % 10)} degrees with a light breeze.`)], usage, modelName: 'gpt-4o-2024-11-20', finishReason: 'stop', timestamp: new Date(0) },
    ];
    messages.push(...cycle.slice(0, messageCount - messages.length));
  }
  if (messages.at(-1)?.kind === 'response') messages.push(modelRequest([userPrompt('And tomorrow?')]));
  return messages;
}

/**
 * Median microseconds per call of each function, over BATCHES batches of `perBatch` calls after a
 * warm-up. Batches of the variants are interleaved, so machine noise hits every variant alike.
 */
async function measureAll(fns, perBatch) {
  for (const fn of fns) for (let i = 0; i < perBatch; i++) await fn();
  const samples = fns.map(() => []);
  for (let b = 0; b < BATCHES; b++) {
    for (const [index, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < perBatch; i++) await fn();
      samples[index].push(Number(process.hrtime.bigint() - start) / 1000 / perBatch);
    }
  }
  return samples.map((list) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]);
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

/** A copy of the history with new message and part objects (same contents): nothing cached for it. */
const freshCopy = (messages) => messages.map((message) => ({ ...message, parts: message.parts.map((part) => ({ ...part })) }));
const ratio = (value, floor) => `${(value / floor).toFixed(2)}x`;

// 1. Ten turns with tool calls: instrumented vs plain vs one bare span with the same attributes,
// and vs that span plus the metric records a finished request makes (the floor of the same work).
const ten = conversation(40);
const response = await model.request(ten, undefined, parameters);
await instrumented.request(ten, undefined, parameters);
const attributes = { ...exporter.last.attributes };
const name = exporter.last.name;
const cost = attributes['operation.cost'];
const identityOfMetrics = { system: 'openai', requestModel: 'gpt-4o', responseModel: response.modelName };
const metricAttributes = Object.freeze(toChatMetricAttributes(identityOfMetrics));
const inputAttributes = Object.freeze({ ...metricAttributes, 'gen_ai.token.type': 'input' });
const outputAttributes = Object.freeze({ ...metricAttributes, 'gen_ai.token.type': 'output' });
const { instruments } = settings;
const bareRecords = () => {
  instruments.tokenUsage.record(usage.inputTokens, inputAttributes);
  instruments.tokenUsage.record(usage.outputTokens, outputAttributes);
  instruments.cost.record(cost, metricAttributes);
  instruments.duration.record(0.000_05, metricAttributes);
};
// Where the added time goes: the pure mapper (start + finish attributes), the price, the metric
// records (as the recorder makes them), the span itself (the floor), and what is left: context,
// hooks, guards, span attribute reads and renames, garbage collection of all of it. All variants
// are measured in the same interleaved batches, so the breakdown shares the machine's noise.
const identity = { modelName: 'gpt-4o', system: 'openai', baseUrl: undefined };
const content = { version: 5, includeContent: true, includeBinaryContent: true };
const measurement = { ...identityOfMetrics, usage, cost, durationSeconds: 0.000_05, timeToFirstChunkSeconds: undefined };
const [plain, withSpans, bareSpan, bareSpanAndRecords, mapperOnly, priceOnly, metricsOnly] = await measureAll(
  [
    () => model.request(ten, undefined, parameters),
    () => instrumented.request(ten, undefined, parameters),
    async () => tracer.startSpan(name, { attributes }).end(),
    async () => {
      tracer.startSpan(name, { attributes }).end();
      bareRecords();
    },
    async () => {
      toChatStartAttributes({ model: identity, settings: undefined, parameters, baggage: {} });
      toChatFinishAttributes({ response, inputMessages: ten, parameters, requestModel: 'gpt-4o', system: 'openai', costUsd: cost, content, eventMode: 'attributes' });
    },
    async () => computeResponseCost({ ...response, providerName: 'openai' }),
    async () => recordChatMetrics(instruments, measurement),
  ],
  200,
);
const overhead = withSpans - plain;
console.log(`Instrumentation overhead: ten turns with tool calls (${ten.length} messages, ${Object.keys(attributes).length} attributes, ${BATCHES} batches, medians)`);
console.log(`  request without instrumentation          ${fmt(plain)}`);
console.log(`  instrumented request                     ${fmt(withSpans)}   (+${fmt(overhead)})`);
console.log(`  one bare span, same attributes           ${fmt(bareSpan)}`);
console.log(`  bare span + the same 4 metric records    ${fmt(bareSpanAndRecords)}`);
console.log(`  instrumentation cost / bare-span floor:             ${ratio(overhead, bareSpan)}   (aim <= 1.2x)`);
console.log(`  instrumentation cost / bare span + metric records:  ${ratio(overhead, bareSpanAndRecords)}`);
const rest = overhead - mapperOnly - priceOnly - metricsOnly - bareSpan;
console.log(
  `  of which: pure mapper ${fmt(mapperOnly)}, price ${fmt(priceOnly)}, metric records ${fmt(metricsOnly)}, span start/end ${fmt(bareSpan)} (the floor), ` +
    `remaining plumbing ${rest < 0 ? '-' : ''}${fmt(Math.abs(rest))}`,
);

// 2. Growth with the number of messages: the same history again (its message JSON is cached), and
// fresh copies every request (first rendering). The copy is made in both variants, so it cancels out.
console.log('\nGrowth with the message count (instrumented minus plain, per request)');
console.log('            repeated history                     fresh messages');
let previous;
for (const count of [1, 10, 100, 1000]) {
  const messages = conversation(count);
  const perBatch = count >= 1000 ? 10 : count >= 100 ? 40 : 200;
  const [withSpans, without, freshWith, freshWithout] = await measureAll(
    [
      () => instrumented.request(messages, undefined, parameters),
      () => model.request(messages, undefined, parameters),
      () => instrumented.request(freshCopy(messages), undefined, parameters),
      () => model.request(freshCopy(messages), undefined, parameters),
    ],
    perBatch,
  );
  const repeated = withSpans - without;
  const fresh = freshWith - freshWithout;
  const growth = (now, before) => (previous ? `x${(now / before).toFixed(1)}` : '').padEnd(6);
  console.log(
    `  ${String(count).padStart(5)} msgs  ${fmt(repeated).padStart(10)} (${fmt(repeated / count)}/msg) ${growth(repeated, previous?.repeated)}` +
      `   ${fmt(fresh).padStart(10)} (${fmt(fresh / count)}/msg) ${growth(fresh, previous?.fresh)}`,
  );
  previous = { count, repeated, fresh };
}

// 3. Growth with the size of one binary part (base64 in the message JSON), the same two ways.
console.log('\nGrowth with one binary part (instrumented minus plain, per request)');
console.log('              repeated message      fresh message');
previous = undefined;
for (const size of [1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024]) {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
  const messages = [modelRequest([userPrompt(['What is in this image?', binaryContent(bytes, 'image/png')])])];
  const perBatch = size >= 1024 * 1024 ? 3 : 30;
  const [withSpans, without, freshWith, freshWithout] = await measureAll(
    [() => instrumented.request(messages), () => model.request(messages), () => instrumented.request(freshCopy(messages)), () => model.request(freshCopy(messages))],
    perBatch,
  );
  const repeated = withSpans - without;
  const fresh = freshWith - freshWithout;
  const growth = (now, before) => (previous ? `x${(now / before).toFixed(1)}` : '').padEnd(7);
  console.log(`  ${`${size / 1024} KB`.padStart(8)}  ${fmt(repeated).padStart(10)} ${growth(repeated, previous?.repeated)}  ${fmt(fresh).padStart(10)} ${growth(fresh, previous?.fresh)}`);
  previous = { size, repeated, fresh };
}
console.log(`\n(${exporter.count} spans exported)`);
