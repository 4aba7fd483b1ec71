// Lint rules, above all the import boundaries of DESIGN.md: the engine never imports Electron,
// and the renderer and shared code never import Node.
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const noElectron = {
  name: 'electron',
  message:
    'Only electron/main.ts, preload.ts, ipc/ and window/ may import Electron: the engine and hosts run in plain Node.',
}
const noNodeBuiltins = nodeBuiltins.map((name) => ({
  name,
  message: 'The renderer and shared code run in a browser: no Node built-ins.',
}))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['electron/core/**', 'electron/hosts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['shared/**', 'renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeBuiltins],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the engine only through the contract client.',
            },
          ],
        },
      ],
    },
  },
  {
    // One door to the system browser (STYLE.md): shell.openExternal only where URLs are checked.
    files: ['electron/**'],
    ignores: ['electron/window/open-in-browser.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message: 'Use openAuthorizationUrl (electron/window/open-in-browser.ts).',
        },
      ],
    },
  },
)
