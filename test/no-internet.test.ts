import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './setup/no-internet.js';

describe('the no-internet guard', () => {
  it('refuses a fetch to a public host', async () => {
    await expect(fetch('https://api.openai.com/v1/models')).rejects.toThrow();
    const error = await fetch('http://example.com/').catch((e: unknown) => e);
    const cause = (error as { cause?: Error }).cause;
    expect(String(cause?.message ?? error)).toMatch(/only use loopback/);
  });

  it('tells loopback from everything else', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('api.anthropic.com')).toBe(false);
  });
});
