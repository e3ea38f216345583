import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'packages/viewer/ui/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use an explicit export list (STYLE.md).' },
        { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|test|describe)$/]", message: 'Skipped tests prove nothing.' },
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'Focused tests hide the others.' },
      ],
    },
  },
  {
    // Viewer UI and its browser specs: browser globals; model output is never rendered as HTML.
    files: ['packages/viewer/ui/**', 'packages/viewer/e2e/**', 'bench/ui-*'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', EventSource: 'readonly', performance: 'readonly', PerformanceObserver: 'readonly', MutationObserver: 'readonly', AbortController: 'readonly', URLSearchParams: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use an explicit export list (STYLE.md).' },
        { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|test|describe)$/]", message: 'Skipped tests prove nothing.' },
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'Focused tests hide the others.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Span content is untrusted: render text nodes only.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Span content is untrusted: never write HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Span content is untrusted: never write HTML.' },
      ],
    },
  },
);
