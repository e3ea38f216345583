/**
 * Lets plain `node` run the viewer's TypeScript sources (Node 22 strips types itself): relative
 * `.js` imports resolve to the `.ts` file beside them. Used by tests that spawn the server as a
 * child process: `node --import ./register-ts-hooks.ts cli.ts`.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^(\.|\/|file:)/.test(specifier) && specifier.endsWith('.js')) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});
