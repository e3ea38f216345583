/** The agent hooks that give runs, tool calls and output functions their spans under one set of settings. */
import type { AgentHooks } from '@hopscope/models';
import type { InstrumentationSettings } from '../settings.js';
import { runInAgentRunSpan } from './run-span.js';
import { runInOutputFunctionSpan, runInToolSpan } from './tool-spans.js';

/**
 * Run, tool and output-function span hooks recording with `settings`.
 * @example installAgentHooks(toAgentHooks(settings));
 */
export function toAgentHooks(settings: InstrumentationSettings): AgentHooks {
  return {
    wrapRun: (run, next) => runInAgentRunSpan(settings, run, next),
    wrapToolExecute: (call, next) => runInToolSpan(settings, call, next),
    wrapOutputProcess: (output, next) => runInOutputFunctionSpan(settings, output, next),
  };
}
