import { UserError } from '../../errors.js';
import type { ResolveModelTargetOptions } from './types.js';

export type Env = ResolveModelTargetOptions['env'];

export function readEnv(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

export function requireKey(options: ResolveModelTargetOptions, names: readonly string[], provider: string): string {
  const key = options.apiKey ?? readEnv(options.env, names);
  if (key === undefined || key === '') throw new UserError(`No API key for ${provider}: set the ${names[0]} environment variable or pass \`apiKey\``);
  return key;
}
