// Lint catches what the compiler does not: unused code, and (reading types through the TypeScript
// project service) promises that float or are passed where a plain callback is expected.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // labs/ holds solution templates with {{placeholders}}; their runnable form is tested by render-solution tests.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', 'labs/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Counts, sizes and ports in messages are numbers; other non-strings still need an explicit String().
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => setState(x)` is how React and event callbacks are written; a void returned from a statement is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // With noUncheckedIndexedAccess, `xs[i]!` after a bounds check is the narrowest honest assertion (the
      // stylistic rule non-nullable-type-assertion-style prefers it to an `as T` cast, which could change more).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tags, process.env and wire maps are plain objects by contract (they are serialized as JSON); deleting a key is how one goes.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // An empty string is "not set" for locale variables, messages and paths: `||` there is deliberate.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
  {
    // A function that does not fit on a screen or two hides its steps; split it into named pieces.
    // Where the length is a table (a factory returning many one-line methods, a block of help text),
    // the function says so beside it with an eslint-disable comment and its reason. Tests are exempt:
    // a describe() block is long by nature.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: {
      // Test doubles implement async ports as `async () => value`, where a throw is the rejection.
      '@typescript-eslint/require-await': 'off',
      // vitest's asymmetric matchers (expect.any, expect.objectContaining …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
