/* eslint-disable @typescript-eslint/no-require-imports -- ESLint 8 reads this file as CommonJS */
const fs = require('node:fs');
const path = require('node:path');

/**
 * The modules in types/ that build TypeBox schemas at load time: those importing '@sinclair/typebox'
 * and those importing such a module for its values. Derived from the files, so a new schema module is
 * covered without editing this list; the TypeBox-free ones (uscc, policy-match, *-rules, *-labels)
 * stay importable.
 */
function typeboxModules() {
  const dir = path.join(__dirname, 'types');
  const sources = Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => [f.replace(/\.ts$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
  // `import type …` and `export type …` are erased; every other import or re-export loads the module.
  const valueSources = (text) =>
    [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
  const found = new Set();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, text] of Object.entries(sources)) {
      if (found.has(name)) continue;
      const deps = valueSources(text);
      if (deps.some((d) => d.startsWith('@sinclair/typebox') || found.has(d.replace(/^\.\//, '')))) {
        found.add(name);
        grew = true;
      }
    }
  }
  return [...found].sort();
}

const TYPEBOX_IN_APP =
  '小程序主包不引入 TypeBox：运行时的值请从无 TypeBox 的模块导入（如 @contract/policy-rules、@contract/benefit-rules、' +
  '@contract/satisfaction-labels、@contract/delivery-rules），契约类型用 import type。';

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { es2022: true, node: true, browser: true, jest: true },
  globals: { wx: 'readonly', API_BASE: 'readonly' },
  rules: {
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'warn',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
  },
  overrides: [
    {
      // The mini-program: a value import of a schema module puts TypeBox into the main package.
      files: ['src/**/*.{ts,tsx,js,jsx}'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              { name: '@sinclair/typebox', message: TYPEBOX_IN_APP, allowTypeImports: true },
              ...typeboxModules().map((name) => ({ name: `@contract/${name}`, message: TYPEBOX_IN_APP, allowTypeImports: true })),
            ],
            patterns: [{ group: ['@sinclair/typebox/*'], message: TYPEBOX_IN_APP, allowTypeImports: true }],
          },
        ],
      },
    },
  ],
  ignorePatterns: ['dist/', 'dist-h5/', 'node_modules/', 'test-results/', 'coverage/'],
};
