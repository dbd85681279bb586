import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

// The front ends enter the core through its index (src/core/index.ts); src/core/import is a second
// entry, loaded lazily.
const deepCoreImport = {
  group: ['**/core/*', '!**/core/import'],
  message: 'Import from src/core (its index), not from a module inside it.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vsx-test-output/**', 'tools/**', '*.mjs', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'simple-import-sort': simpleImportSort },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure: no vscode import.' }],
          patterns: [
            {
              group: ['**/extension/**', '**/cli/**', '**/webview/**'],
              message: 'src/core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs in plain Node: no vscode import.' }],
          patterns: [
            { group: ['**/extension/**', '**/webview/**'], message: 'The CLI uses src/core only.' },
            deepCoreImport,
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepCoreImport] }] },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview has no vscode module.' }],
          patterns: [
            { group: ['node:*', '**/core/**', '**/extension/**'], message: 'The webview uses src/shared only.' },
          ],
        },
      ],
    },
  },
);
