// Instrumentation overhead (`pnpm run bench:instrumentation`): prints, for a ten-turn conversation
// with tool calls, the cost of an instrumented request against (a) the same request without
// instrumentation, (b) one bare span carrying the same attributes and (c) that span plus the same
// metric records, all on the same SDK tracer and meter providers in one run; then how the cost grows
// with the message count and with a binary part, for a repeated history and for fresh messages.
// Numbers are medians of batches; nothing here asserts on time.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import v8 from 'node:v8';
import { FunctionModel, binaryContent, modelRequest, modelRequestParameters, textPart, toolCallPart, toolReturnPart, userPrompt, requestUsage } from '@hopscope/models';
import { computeResponseCost, InstrumentationSettings, InstrumentedModel, recordChatMetrics, toChatFinishAttributes, toChatMetricAttributes, toChatStartAttributes } from '@hopscope/instrumentation';

// The OpenTelemetry SDK is a dependency of @hopscope/instrumentation, not of the workspace root.
const fromInstrumentation = createRequire(new URL('../packages/instrumentation/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(fromInstrumentation.resolve(name)).href);
const { BasicTracerProvider, SimpleSpanProcessor } = await load('@opentelemetry/sdk-trace-base');
const { MeterProvider } = await load('@opentelemetry/sdk-metrics');
const { JsonTraceSerializer } = await load('@opentelemetry/otlp-transformer');
const { context, trace, SpanKind } = await load('@opentelemetry/api');

const BATCHES = Number(process.env.BENCH_BATCHES ?? 15);
/** Interleaved warm-up batches before any batch is timed: the JIT needs a few thousand requests to settle. */
const WARMUP_BATCHES = Number(process.env.BENCH_WARMUP_BATCHES ?? 20);

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

/** Serializes every span as an OTLP/HTTP JSON exporter would (the request body), then keeps its size. */
class OtlpJsonBodyExporter {
  bytes = 0;
  export(spans, done) {
    this.bytes += JsonTraceSerializer.serializeRequest(spans)?.length ?? 0;
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
// The same, through OTLP/JSON serialization of every span (end to end up to the HTTP body).
const otlpExporter = new OtlpJsonBodyExporter();
const otlpTracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(otlpExporter)] });
const otlpSettings = new InstrumentationSettings({ tracerProvider: otlpTracerProvider, meterProvider });
const otlpTracer = otlpTracerProvider.getTracer('bench');
const weather = { name: 'get_weather', description: 'Weather of a city.', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const parameters = modelRequestParameters({ functionTools: [weather] });
const usage = requestUsage({ inputTokens: 1200, outputTokens: 80 });
const model = new FunctionModel(() => ({ parts: [textPart('Sunny everywhere.')], usage, modelName: 'gpt-4o-2024-11-20', finishReason: 'stop' }), { modelName: 'gpt-4o', system: 'openai' });
const instrumented = new InstrumentedModel(model, settings);
const instrumentedOtlp = new InstrumentedModel(model, otlpSettings);

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
 * Median microseconds per call of each function, over BATCHES batches of `perBatch` calls after
 * WARMUP_BATCHES untimed batches. Batches of the variants are interleaved, so machine noise hits
 * every variant alike. `firstBatches` gets the time of each variant's first batch (JIT still cold).
 */
async function measureAll(fns, perBatch, { warmup = WARMUP_BATCHES, firstBatches = [] } = {}) {
  for (let b = 0; b < warmup; b++) {
    for (const [index, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < perBatch; i++) await fn();
      if (b === 0) firstBatches[index] = Number(process.hrtime.bigint() - start) / 1000 / perBatch;
    }
  }
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
// The same work written by hand with every attribute prepared in advance: the chat span with its start
// attributes under the caller's context, the call inside it (context.with), the finish attributes set
// afterwards, the span ended, the 4 metric records. No mapping, no price, no guards: the floor of the same flow.
const START_KEYS = new Set(['gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.system', 'gen_ai.request.model', 'model_request_parameters', 'logfire.json_schema', 'gen_ai.tool.definitions']);
const startAttributes = Object.fromEntries(Object.entries(attributes).filter(([key]) => START_KEYS.has(key)));
const finishAttributes = Object.fromEntries(Object.entries(attributes).filter(([key]) => !START_KEYS.has(key)));
const handWritten = async () => {
  const parent = context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: startAttributes }, parent);
  const result = await context.with(trace.setSpan(parent, span), () => model.request(ten, undefined, parameters));
  span.setAttributes(finishAttributes);
  span.end();
  bareRecords();
  return result;
};
const firstBatches = [];
const [plain, withSpans, bareSpan, bareSpanAndRecords, mapperOnly, priceOnly, metricsOnly, plainOtlp, withSpansOtlp, bareSpanOtlp, handWrittenFloor] = await measureAll(
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
    () => model.request(ten, undefined, parameters),
    () => instrumentedOtlp.request(ten, undefined, parameters),
    async () => otlpTracer.startSpan(name, { attributes }).end(),
    handWritten,
  ],
  200,
  { firstBatches },
);

/** Bytes allocated per call: used-heap growth over batches of calls, batches with a garbage collection left out. */
async function allocatedPerCall(fn, calls = 100) {
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  const samples = [];
  for (let b = 0; b < 40 && samples.length < 9; b++) {
    await nextTurn();
    const seen = collections;
    const before = v8.getHeapStatistics().used_heap_size;
    for (let i = 0; i < calls; i++) await fn();
    const after = v8.getHeapStatistics().used_heap_size;
    await nextTurn();
    if (collections === seen && after > before) samples.push((after - before) / calls);
  }
  observer.disconnect();
  return samples.length === 0 ? NaN : samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)];
}
const allocatedPlain = await allocatedPerCall(() => model.request(ten, undefined, parameters));
const allocatedInstrumented = await allocatedPerCall(() => instrumented.request(ten, undefined, parameters));
const allocatedBare = await allocatedPerCall(async () => tracer.startSpan(name, { attributes }).end());

const overhead = withSpans - plain;
const overheadOtlp = withSpansOtlp - plainOtlp;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`Instrumentation overhead: ten turns with tool calls (${ten.length} messages, ${Object.keys(attributes).length} attributes, ${WARMUP_BATCHES} warm-up + ${BATCHES} timed batches, medians)`);
console.log(`  request without instrumentation          ${fmt(plain)}`);
console.log(`  instrumented request                     ${fmt(withSpans)}   (+${fmt(overhead)})`);
console.log(`  one bare span, same attributes           ${fmt(bareSpan)}`);
console.log(`  bare span + the same 4 metric records    ${fmt(bareSpanAndRecords)}`);
console.log(`  instrumentation cost / bare-span floor:             ${ratio(overhead, bareSpan)}   (aim <= 1.2x)`);
console.log(`  instrumentation cost / bare span + metric records:  ${ratio(overhead, bareSpanAndRecords)}`);
const rest = overhead - mapperOnly - priceOnly - metricsOnly - bareSpan;
console.log(
  `  of which: pure mapper ${fmt(mapperOnly)}, price ${fmt(priceOnly)}, metric records ${fmt(metricsOnly)}, span start/end ${fmt(bareSpan)} (the floor), ` +
    `rest (context, hooks, guards, span reads and renames) ${rest < 0 ? '-' : ''}${fmt(Math.abs(rest))}`,
);
console.log(
  `  hand-written chat span with prepared attributes (span + context.with + finish attributes + 4 records, no mapping): +${fmt(handWrittenFloor - plain)}` +
    ` = ${ratio(handWrittenFloor - plain, bareSpan)} of the bare span; instrumentation cost / it: ${ratio(overhead, handWrittenFloor - plain)}`,
);
console.log(`  through OTLP/JSON serialization of each span (end to end up to the HTTP body):`);
console.log(`    instrumented request +${fmt(overheadOtlp)}, bare span ${fmt(bareSpanOtlp)}: ${ratio(overheadOtlp, bareSpanOtlp)}`);
console.log(`  allocated per request: instrumented +${kb(allocatedInstrumented - allocatedPlain)}, bare span ${kb(allocatedBare)}`);
console.log(`  first batch of 200 (JIT still cold): instrumented +${fmt(firstBatches[1] - firstBatches[0])}, bare span ${fmt(firstBatches[2])}`);

// 1b. An agent run: each request sends the history so far plus the newest messages (1, 3, 5, ...
// 41 messages, 21 requests), with fresh message objects for every run (made in both variants).
const run = async (target) => {
  const messages = freshCopy(ten);
  for (let end = 1; end <= messages.length; end += 2) await target.request(messages.slice(0, end), undefined, parameters);
};
const [runPlain, runInstrumented, runBare] = await measureAll(
  [
    () => run(model),
    () => run(instrumented),
    async () => {
      for (let end = 1; end <= ten.length; end += 2) tracer.startSpan(name, { attributes }).end();
    },
  ],
  10,
  { warmup: 5 },
);
console.log(`\nAn agent run growing to ${ten.length} messages (21 requests, history + new messages each time, fresh objects per run), per request`);
console.log(`  instrumentation cost +${fmt((runInstrumented - runPlain) / 21)}, bare span ${fmt(runBare / 21)}: ${ratio(runInstrumented - runPlain, runBare)}`);

// 2. Growth with the number of messages: the same history again (its message JSON is cached), and
// fresh copies every request (first rendering). The copy is made in both variants, so it cancels out.
// The last column is the repeated history through OTLP/JSON serialization of the span (end to end).
console.log('\nGrowth with the message count (instrumented minus plain, per request)');
console.log('            repeated history                     fresh messages                      repeated, through OTLP/JSON');
let previous;
for (const count of [1, 10, 100, 1000]) {
  const messages = conversation(count);
  const perBatch = count >= 1000 ? 10 : count >= 100 ? 40 : 200;
  const [withSpans, without, freshWith, freshWithout, otlpWith] = await measureAll(
    [
      () => instrumented.request(messages, undefined, parameters),
      () => model.request(messages, undefined, parameters),
      () => instrumented.request(freshCopy(messages), undefined, parameters),
      () => model.request(freshCopy(messages), undefined, parameters),
      () => instrumentedOtlp.request(messages, undefined, parameters),
    ],
    perBatch,
    { warmup: 3 },
  );
  const repeated = withSpans - without;
  const fresh = freshWith - freshWithout;
  const otlp = otlpWith - without;
  const growth = (now, before) => (previous ? `x${(now / before).toFixed(1)}` : '').padEnd(6);
  console.log(
    `  ${String(count).padStart(5)} msgs  ${fmt(repeated).padStart(10)} (${fmt(repeated / count)}/msg) ${growth(repeated, previous?.repeated)}` +
      `   ${fmt(fresh).padStart(10)} (${fmt(fresh / count)}/msg) ${growth(fresh, previous?.fresh)}` +
      `   ${fmt(otlp).padStart(10)} (${fmt(otlp / count)}/msg) ${growth(otlp, previous?.otlp)}`,
  );
  previous = { count, repeated, fresh, otlp };
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
    { warmup: 2 },
  );
  const repeated = withSpans - without;
  const fresh = freshWith - freshWithout;
  const growth = (now, before) => (previous ? `x${(now / before).toFixed(1)}` : '').padEnd(7);
  console.log(`  ${`${size / 1024} KB`.padStart(8)}  ${fmt(repeated).padStart(10)} ${growth(repeated, previous?.repeated)}  ${fmt(fresh).padStart(10)} ${growth(fresh, previous?.fresh)}`);
  previous = { size, repeated, fresh };
}
console.log(`\n(${exporter.count} spans exported, ${(otlpExporter.bytes / 1e6).toFixed(0)} MB of OTLP/JSON serialized)`);
