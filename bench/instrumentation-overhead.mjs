// Instrumentation overhead (`pnpm run bench:instrumentation`): prints, for a ten-turn conversation
// with tool calls, the cost of an instrumented request against (a) the same request without
// instrumentation and (b) one bare span carrying the same attributes, all on the same SDK tracer
// provider in one run; then how the cost grows with the message count and with a binary part.
// Numbers are medians of batches; nothing here asserts on time.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { FunctionModel, binaryContent, modelRequest, modelRequestParameters, textPart, toolCallPart, toolReturnPart, userPrompt, requestUsage } from '@hopscope/models';
import { computeResponseCost, InstrumentationSettings, InstrumentedModel, toChatFinishAttributes, toChatStartAttributes } from '@hopscope/instrumentation';

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

// 1. Ten turns with tool calls: instrumented vs plain vs one bare span with the same attributes.
const ten = conversation(40);
await instrumented.request(ten, undefined, parameters);
const attributes = { ...exporter.last.attributes };
const name = exporter.last.name;
const [plain, withSpans, bareSpan] = await measureAll(
  [() => model.request(ten, undefined, parameters), () => instrumented.request(ten, undefined, parameters), async () => tracer.startSpan(name, { attributes }).end()],
  200,
);
const mapperOverhead = withSpans - plain;
console.log(`Instrumentation overhead: ten turns with tool calls (${ten.length} messages, ${Object.keys(attributes).length} attributes, ${BATCHES} batches, medians)`);
console.log(`  request without instrumentation  ${fmt(plain)}`);
console.log(`  instrumented request             ${fmt(withSpans)}   (+${fmt(mapperOverhead)})`);
console.log(`  one bare span, same attributes   ${fmt(bareSpan)}`);
console.log(`  instrumentation cost / bare-span floor: ${(mapperOverhead / bareSpan).toFixed(2)}x   (aim <= 1.2x)`);

// Where the added time goes: the pure mapper (start + finish attributes) and the price lookup.
const response = await model.request(ten, undefined, parameters);
const identity = { modelName: 'gpt-4o', system: 'openai', baseUrl: undefined };
const content = { version: 5, includeContent: true, includeBinaryContent: true };
const [mapperOnly, priceOnly] = await measureAll(
  [
    async () => {
      toChatStartAttributes({ model: identity, settings: undefined, parameters, baggage: {} });
      toChatFinishAttributes({ response, inputMessages: ten, parameters, requestModel: 'gpt-4o', system: 'openai', costUsd: 0.01, content, eventMode: 'attributes' });
    },
    async () => computeResponseCost({ ...response, providerName: 'openai' }),
  ],
  200,
);
console.log(`  of which: pure mapper ${fmt(mapperOnly)}, price lookup ${fmt(priceOnly)}, span/metrics/context plumbing ${fmt(Math.max(0, mapperOverhead - mapperOnly - priceOnly))}`);

// 2. Growth with the number of messages.
console.log('\nGrowth with the message count (instrumented minus plain, per request)');
let previous;
for (const count of [1, 10, 100, 1000]) {
  const messages = conversation(count);
  const perBatch = count >= 1000 ? 10 : count >= 100 ? 40 : 200;
  const [withSpans, without] = await measureAll([() => instrumented.request(messages, undefined, parameters), () => model.request(messages, undefined, parameters)], perBatch);
  const cost = withSpans - without;
  const growth = previous ? `   x${(cost / previous.cost).toFixed(1)} for x${count / previous.count} messages` : '';
  console.log(`  ${String(count).padStart(5)} messages  ${fmt(cost).padStart(10)}  (${fmt(cost / count)} per message)${growth}`);
  previous = { count, cost };
}

// 3. Growth with the size of one binary part.
console.log('\nGrowth with one binary part (instrumented minus plain, per request)');
previous = undefined;
for (const size of [1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024]) {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
  const messages = [modelRequest([userPrompt(['What is in this image?', binaryContent(bytes, 'image/png')])])];
  const perBatch = size >= 1024 * 1024 ? 3 : 30;
  const [withSpans, without] = await measureAll([() => instrumented.request(messages), () => model.request(messages)], perBatch);
  const cost = withSpans - without;
  const growth = previous ? `   x${(cost / previous.cost).toFixed(1)} for x${size / previous.size} bytes` : '';
  console.log(`  ${`${size / 1024} KB`.padStart(8)}  ${fmt(cost).padStart(10)}${growth}`);
  previous = { size, cost };
}
console.log(`\n(${exporter.count} spans exported)`);
