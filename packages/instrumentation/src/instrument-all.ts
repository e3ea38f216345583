/**
 * instrumentAll(): one call at startup instruments every Hopscope model request (through the
 * models package's request interceptor), every concurrency wait, and every agent run, tool call
 * and output function (through the agent hooks). Calling it again replaces what the last call
 * installed; it never stacks (see `instrumentAll` for the SDK an `export: 'otlp'` call configures).
 */
import { installAgentHooks, installModelHooks, type InterceptedRequest, type ModelResponse, type RequestOptions, type StreamedResponse } from '@hopscope/models';
import { toAgentHooks } from './agent/agent-hooks.js';
import { runInConcurrencyWaitSpan } from './concurrency-span.js';
import { reconfigureTelemetry, type ConfigureTelemetryOptions, type TelemetryHandle } from './configure-telemetry.js';
import { instrumentChatRequest, instrumentChatStream } from './instrument-request.js';
import { TelemetryOptionError } from './otlp-protocol.js';
import { parseInstrumentationOptions } from './settings-options.js';
import { InstrumentationSettings, type InstrumentationOptions } from './settings.js';

/** InstrumentationSettings options, plus `export: 'otlp'` to set up an OTLP SDK first. */
export interface InstrumentAllOptions extends InstrumentationOptions {
  /** `'otlp'`: configure an SDK (`configureTelemetry(telemetry)`) and record to its providers. */
  readonly export?: 'otlp';
  readonly telemetry?: ConfigureTelemetryOptions;
}

/** Removes the hooks; `telemetry` is set when `export: 'otlp'` configured an SDK. */
export interface UninstallInstrumentation {
  (): void;
  readonly settings: InstrumentationSettings;
  readonly telemetry: TelemetryHandle | undefined;
}

/** The hooks the last call installed, and the SDK the last `export: 'otlp'` call configured. */
let installedHooks: (() => void) | undefined;
let configuredTelemetry: TelemetryHandle | undefined;

function resolveSettings(options: InstrumentationSettings | InstrumentAllOptions | undefined): { settings: InstrumentationSettings; telemetry: TelemetryHandle | undefined } {
  if (options instanceof InstrumentationSettings) return { settings: options, telemetry: undefined };
  const { export: exportTo, telemetry: telemetryOptions, ...rest } = options ?? {};
  if (exportTo === undefined) return { settings: new InstrumentationSettings(rest), telemetry: undefined };
  if (exportTo !== 'otlp') throw new TelemetryOptionError('export', exportTo, ['otlp']);
  parseInstrumentationOptions(rest); // a bad option throws before the SDK is touched
  const telemetry = reconfigureTelemetry(configuredTelemetry, telemetryOptions);
  configuredTelemetry = telemetry;
  const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider, loggerProvider: telemetry.loggerProvider };
  return { settings: new InstrumentationSettings({ ...providers, ...rest }), telemetry };
}

function intercept<T extends ModelResponse | StreamedResponse>(settings: InstrumentationSettings, request: InterceptedRequest, next: (options?: RequestOptions) => Promise<T>): Promise<T> {
  const call = { model: request.model, messages: request.messages, settings: request.settings, parameters: request.parameters, options: request.options };
  if (request.stream) return instrumentChatStream(settings, call, (_call, o) => next(o) as Promise<StreamedResponse>) as Promise<T>;
  return instrumentChatRequest(settings, call, (_call, o) => next(o) as Promise<ModelResponse>) as Promise<T>;
}

/**
 * Instruments every model, agent run and tool call from now on; returns the uninstaller.
 *
 * A second call replaces the first: its hooks are removed, and with `export: 'otlp'` the SDK the
 * first call configured is kept when the telemetry options resolve to the same SDK, or else shut
 * down (flushed, exit handlers and global registrations removed) and replaced. A call without
 * `export` leaves that SDK in place: it may be the global one the new settings record to.
 * @example
 * instrumentAll({ export: 'otlp', telemetry: { serviceName: 'support-bot' } });
 */
export function instrumentAll(options?: InstrumentationSettings | InstrumentAllOptions): UninstallInstrumentation {
  const { settings, telemetry } = resolveSettings(options);
  installedHooks?.();
  const removeModelHooks = installModelHooks({
    interceptRequest: (request, next) => intercept(settings, request, next),
    wrapConcurrencyWait: (info, wait) => runInConcurrencyWaitSpan(settings, info, wait),
  });
  const removeAgentHooks = installAgentHooks(toAgentHooks(settings));
  const uninstall = () => {
    removeModelHooks();
    removeAgentHooks();
    if (installedHooks === uninstall) installedHooks = undefined;
  };
  installedHooks = uninstall;
  return Object.assign(uninstall, { settings, telemetry });
}
