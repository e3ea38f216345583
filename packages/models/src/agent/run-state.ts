/**
 * The mutable state of one run, and the live `AgentRunInfo` view hooks read it through.
 */
import type { ModelMessage } from '../messages.js';
import type { ModelRequestParameters } from '../settings.js';
import { computeRunUsageAdd, runUsage, type RequestUsage, type RunUsage } from '../usage.js';
import { resolveAgentHooks, type AgentHooks, type AgentRunInfo, type AgentRunStatus } from './hooks.js';

/** What a run is, fixed at its start. */
export type RunIdentity = Pick<AgentRunInfo, 'agentName' | 'description' | 'runId' | 'conversationId' | 'model' | 'metadata'>;

export class RunState {
  readonly messages: ModelMessage[];
  readonly historyLength: number;
  /** Where this run's messages start (one earlier when it merged into the history's last request). */
  newMessageIndex: number;
  usage: RunUsage = runUsage();
  lastParameters: ModelRequestParameters | undefined;
  readonly instructions: (string | undefined)[] = [];
  status: AgentRunStatus = 'running';
  outcome: unknown;
  /** Consecutive failures per tool name, carried from one step to the next (reset on success). */
  toolRetries = new Map<string, number>();
  outputRetries = 0;
  readonly info: AgentRunInfo;
  /** The hooks of this run, fixed at its start (the model's own, else those installed). */
  readonly hooks: AgentHooks | undefined;

  constructor(identity: RunIdentity, history: readonly ModelMessage[]) {
    this.hooks = resolveAgentHooks(identity.model);
    this.messages = [...history];
    this.historyLength = history.length;
    this.newMessageIndex = history.length;
    this.info = {
      ...identity,
      messageHistoryLength: history.length,
      usage: () => this.usage,
      allMessages: () => this.messages,
      lastParameters: () => this.lastParameters,
      instructionsPerRequest: () => this.instructions,
      status: () => this.status,
      result: () => (this.status === 'complete' || this.status === 'deferred' ? this.outcome : undefined),
    };
  }

  addResponseUsage(usage: RequestUsage): void {
    this.usage = computeRunUsageAdd(this.usage, usage);
  }

  addToolCalls(count: number): void {
    this.usage = { ...this.usage, toolCalls: this.usage.toolCalls + count };
  }
}
