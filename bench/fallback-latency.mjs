/**
 * How much latency a FallbackModel adds, through the real SDKs on loopback, in one process:
 *   (a) the primary answers 429 with Retry-After: 60 on every request (cooldown off, so every
 *       request really calls it first) against a direct call to the fallback model;
 *   (b) the same primary, cooling down after its first 429, so requests skip it.
 *   (c) the same chain with in-process models, which isolates the chain machinery's own cost.
 * As the floor of (a) it times, by hand, the primary's 429 followed by the direct call: the two
 * round trips any fallback that asks the primary must make. Calls are interleaved so drift hits
 * every variant alike. Prints medians and p95s, the extra latency over the direct call in ms and
 * as a ratio to it.
 *
 * Run: npx pnpm@10.34.9 run bench:fallback   (builds @hopscope/models, then runs this file on its dist/)
 */
import { performance } from 'node:perf_hooks';
import { AnthropicModel, createModelHTTPError, FallbackModel, FunctionModel, modelRequest, OpenAIChatModel, userPrompt } from '../packages/models/dist/index.js';
import { startMockProvider } from '../packages/models/dist/testing/index.js';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const messages = [modelRequest([userPrompt('What is 2 + 2?')])];

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function time(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const mock = await startMockProvider();
try {
  const openai = (name) => new OpenAIChatModel(name, { baseUrl: mock.baseUrl('openai'), apiKey: 'bench' });
  const fallbackTarget = new AnthropicModel('claude-fallback', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'bench' });
  const rateLimited = { fail: { status: 429, headers: { 'retry-after': '60' } } };
  const total = WARMUP + ITERATIONS;
  mock.script('gpt-primary-a', Array.from({ length: total }, () => rateLimited));
  mock.script('gpt-primary-b', [rateLimited]);
  mock.script('gpt-primary-ref', Array.from({ length: total }, () => rateLimited));
  const primaryAlone = new OpenAIChatModel('gpt-primary-ref', { baseUrl: mock.baseUrl('openai'), apiKey: 'bench', retry: false });

  const chainA = new FallbackModel(openai('gpt-primary-a'), fallbackTarget, { cooldown: false });
  const chainB = new FallbackModel(openai('gpt-primary-b'), fallbackTarget);
  const samples = { direct: [], a: [], b: [], floor: [] };
  for (let i = 0; i < total; i++) {
    const direct = await time(() => fallbackTarget.request(messages));
    const a = await time(() => chainA.request(messages));
    const b = await time(() => chainB.request(messages));
    const floor = await time(async () => {
      await primaryAlone.request(messages).catch(() => undefined);
      await fallbackTarget.request(messages);
    });
    if (i < WARMUP) continue;
    samples.floor.push(floor);
    samples.direct.push(direct);
    samples.a.push(a);
    samples.b.push(b);
  }

  const primaryA = mock.requests.filter((r) => r.modelName === 'gpt-primary-a').length;
  const primaryB = mock.requests.filter((r) => r.modelName === 'gpt-primary-b').length;
  if (primaryA !== total) throw new Error(`expected ${total} requests to the 429 primary in (a), saw ${primaryA}: fallback did not call it exactly once per request`);
  if (primaryB !== 1) throw new Error(`expected 1 request to the cooling primary in (b), saw ${primaryB}`);

  const direct = summarise(samples.direct);
  const fmt = (ms) => ms.toFixed(2).padStart(7);
  console.log(`fallback-latency: ${ITERATIONS} requests each (after ${WARMUP} warm-up), real openai + @anthropic-ai/sdk clients on loopback`);
  console.log(`  direct call to the fallback model   median ${fmt(direct.median)} ms   p95 ${fmt(direct.p95)} ms`);
  for (const [label, key] of [
    ['(a) primary 429, Retry-After: 60  ', 'a'],
    ['(b) primary cooling down (skipped)', 'b'],
  ]) {
    const s = summarise(samples[key]);
    const extra = s.median - direct.median;
    const extraP95 = s.p95 - direct.p95;
    console.log(`  ${label}  median ${fmt(s.median)} ms   p95 ${fmt(s.p95)} ms   extra median ${fmt(extra)} ms (x${(s.median / direct.median).toFixed(2)})   extra p95 ${fmt(extraP95)} ms`);
  }
  const floor = summarise(samples.floor);
  const a = summarise(samples.a);
  console.log(`  floor: the primary's 429, then the direct call, by hand   median ${fmt(floor.median)} ms   p95 ${fmt(floor.p95)} ms`);
  console.log(`  => FallbackModel's own cost in (a) over that floor: median ${fmt(a.median - floor.median)} ms`);
  console.log(`  requests to the primary: (a) ${primaryA} = one per request, no SDK retry; (b) ${primaryB} in total`);
  console.log('  for scale: with SDK retries on (2 retries honouring Retry-After: 60), (a) would wait about 120 000 ms per request');
} finally {
  await mock.close();
}

// (c) The chain machinery alone, with in-process models: no network, so only our own code is timed.
{
  const answer = new FunctionModel(() => 'Four.', { modelName: 'in-process' });
  const refuse = new FunctionModel(
    () => {
      throw createModelHTTPError({ statusCode: 429, headers: { 'retry-after': '60' }, modelName: 'in-process-primary', provider: 'openai' });
    },
    { modelName: 'in-process-primary' },
  );
  const chain = new FallbackModel(refuse, answer, { cooldown: false });
  const runs = ITERATIONS * 10;
  const samples = { direct: [], refused: [], chain: [] };
  for (let i = 0; i < WARMUP * 10 + runs; i++) {
    const direct = await time(() => answer.request(messages));
    const refused = await time(() => refuse.request(messages).catch(() => undefined));
    const viaChain = await time(() => chain.request(messages));
    if (i < WARMUP * 10) continue;
    samples.direct.push(direct);
    samples.refused.push(refused);
    samples.chain.push(viaChain);
  }
  const [direct, refused, viaChain] = [samples.direct, samples.refused, samples.chain].map((s) => summarise(s).median * 1000);
  console.log(`  (c) machinery only, in-process models (${runs} runs): direct ${direct.toFixed(1)} us, primary's 429 alone ${refused.toFixed(1)} us, chain ${viaChain.toFixed(1)} us => overhead ${(viaChain - direct - refused).toFixed(1)} us`);
}
