/**
 * The demo's scenarios: real fallback chains and an agent run through the real `openai` and
 * `@anthropic-ai/sdk` clients against the loopback mock provider, with injected 429s and 5xx.
 */
import {
  Agent,
  AnthropicModel,
  FallbackModel,
  ModelAPIError,
  OpenAIChatModel,
  modelRequest,
  onResponse,
  tool,
  userPrompt,
  type Model,
} from '@hopscope/models';
import type { MockProvider, MockReply } from '@hopscope/models/testing';
import { toOpenAIToolCallExchange } from './scripted-replies.js';

export interface DemoModels {
  readonly gpt4o: Model;
  readonly gpt4oMini: Model;
  readonly claude: Model;
  readonly chain: FallbackModel;
  /** The same members without cooldown: the primary is asked even right after the 429 scenario. */
  readonly overloadedChain: FallbackModel;
  readonly pickyChain: FallbackModel;
}

/** Builds the demo's models pointed at the mock provider. */
export function createDemoModels(mock: MockProvider): DemoModels {
  const openai = { baseUrl: mock.baseUrl('openai'), apiKey: 'demo-key' };
  const gpt4o = new OpenAIChatModel('gpt-4o', openai);
  const gpt4oMini = new OpenAIChatModel('gpt-4o-mini', openai);
  const claude = new AnthropicModel('claude-sonnet-4-6', { baseUrl: mock.baseUrl('anthropic'), apiKey: 'demo-key' });
  const chain = new FallbackModel(gpt4o, claude, gpt4oMini, { cooldown: { defaultMs: 3_000 } });
  const tooShort = onResponse((response) => response.parts.every((p) => p.partKind !== 'text' || p.content.length < 20));
  const pickyChain = new FallbackModel(gpt4oMini, claude, { fallbackOn: [ModelAPIError, tooShort], cooldown: false });
  const overloadedChain = new FallbackModel(gpt4o, claude, gpt4oMini, { cooldown: false });
  return { gpt4o, gpt4oMini, claude, chain, overloadedChain, pickyChain };
}

export interface DemoScenario {
  readonly name: string;
  run(mock: MockProvider, models: DemoModels, iteration: number): Promise<unknown>;
}

const DEMO_MODEL_NAMES = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-6'] as const;

/** Whichever member ends up answering, it answers this question sensibly. */
function answerAll(mock: MockProvider, reply: MockReply): void {
  for (const name of DEMO_MODEL_NAMES) mock.setReply(name, reply);
}

const ask = (text: string) => [modelRequest([userPrompt(text)], { instructions: 'You are the Hopscope demo assistant. Answer in one sentence.' })];

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Looks an order up by id.',
  parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
  execute: (args: Record<string, unknown>) => ({ orderId: args['order_id'], status: 'shipped', carrier: 'DHL' }),
});

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'rate-limited primary falls back at once',
    run: (mock, models) => {
      mock.script('gpt-4o', [{ fail: { status: 429, headers: { 'retry-after': '4' }, body: { error: { message: 'Rate limit reached for gpt-4o', type: 'rate_limit_exceeded' } } } }]);
      answerAll(mock, { text: 'Paris is the capital of France, on the Seine.', usage: { inputTokens: 41, outputTokens: 14 } });
      return models.chain.request(ask('What is the capital of France?'));
    },
  },
  {
    name: 'overloaded chain: 500 then 529, third member answers',
    run: (mock, models) => {
      mock.script('gpt-4o', [{ fail: { status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } } }]);
      mock.script('claude-sonnet-4-6', [{ fail: { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } } }]);
      answerAll(mock, { text: 'Two plus two is four, as always.', usage: { inputTokens: 38, outputTokens: 9 } });
      return models.overloadedChain.request(ask('What is 2 + 2?'));
    },
  },
  {
    name: 'healthy chain (primary may be cooling down)',
    run: (mock, models) => {
      answerAll(mock, { text: 'The Pacific is the largest ocean on Earth.', usage: { inputTokens: 36, outputTokens: 11, cacheReadTokens: 12 } });
      return models.chain.request(ask('Which ocean is the largest?'));
    },
  },
  {
    name: 'agent with a tool over a fallback chain',
    run: async (mock, models) => {
      mock.script('gpt-4o-mini', [{ replay: toOpenAIToolCallExchange({ model: 'gpt-4o-mini', toolName: 'lookup_order', args: { order_id: 'A-1042' }, callId: 'call_demo_1' }) }]);
      answerAll(mock, { text: 'Order A-1042 has shipped with DHL.', usage: { inputTokens: 260, outputTokens: 12 } });
      const unavailable = { fail: { status: 503, body: { error: { message: 'Service unavailable', type: 'server_error' } } } } as const;
      const badKey = { fail: { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } } } as const;
      mock.script('gpt-4o', [unavailable, unavailable]);
      mock.script('claude-sonnet-4-6', [badKey, badKey]);
      const agent = new Agent(models.chain, { name: 'support-bot', instructions: 'Help customers with their orders.', tools: [lookupOrder] });
      return agent.run('Where is my order A-1042?');
    },
  },
  {
    name: 'streamed answer with thinking',
    run: async (mock, models) => {
      mock.setReply('claude-sonnet-4-6', { thinking: 'The user wants a haiku about tracing; count syllables 5-7-5.', text: 'Spans fall like leaves, / each hop a quiet footstep, / the trace remembers.', usage: { inputTokens: 52, outputTokens: 48, reasoningTokens: 20 } });
      const stream = await models.claude.requestStream(ask('Write a haiku about tracing.'), { thinking: 'low' });
      return stream.finalResponse();
    },
  },
  {
    name: 'response check rejects a weak answer',
    run: (mock, models) => {
      mock.setReply('gpt-4o-mini', { text: 'Yes.', usage: { inputTokens: 30, outputTokens: 1 } });
      mock.setReply('claude-sonnet-4-6', { text: 'Yes: OpenTelemetry spans can nest, and each child records its parent span id.', usage: { inputTokens: 30, outputTokens: 19 } });
      return models.pickyChain.request(ask('Can spans nest?'));
    },
  },
  {
    name: 'untrusted model output (rendered as text, never executed)',
    run: (mock, models) => {
      mock.setReply('gpt-4o-mini', { text: 'Here you go: <img src=x onerror="alert(1)"> <script>alert("xss")</script> [click](javascript:alert(1))', usage: { inputTokens: 25, outputTokens: 30 } });
      return models.gpt4oMini.request(ask('Show me some HTML.'));
    },
  },
];
