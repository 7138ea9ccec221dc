// Lint catches what the compiler does not: unused code, floating promises are left to tsc's strictness.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // labs/ holds solution templates with {{placeholders}}; their runnable form is tested by render-solution tests.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', 'labs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
