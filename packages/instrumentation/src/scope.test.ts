import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './scope.js';

describe('instrumentation scope', () => {
  it('matches the package name and version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(INSTRUMENTATION_SCOPE_NAME).toBe(pkg.name);
    expect(INSTRUMENTATION_SCOPE_VERSION).toBe(pkg.version);
  });
});
