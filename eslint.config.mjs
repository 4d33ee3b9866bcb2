// Flat config: typescript-eslint (type-aware) for every part; `no-console` because the logger is
// the only way out (it redacts personal data).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Boundaries (DESIGN §2): the parts talk over HTTP/WebSocket and share only packages/; inside the
// agent, byte codecs know nothing of links or services and links nothing of codecs.
const PART_DIRS = ['device-agent', 'service-center', 'kiosk-ui'];
const forbid = (groups, message, allowTypeImports = false) => ({ group: groups, message, allowTypeImports });
const otherParts = (self) =>
  PART_DIRS.filter((p) => p !== self).map((p) =>
    forbid(
      [`**/${p}/**`, `@kiosk/${p}`, `@kiosk/${p}/**`],
      `${self} must not import ${p}: talk over the API, share through packages/`,
    ),
  );
const packagesByName = forbid(
  ['**/packages/**'],
  'import a shared package by its name (@kiosk/contract/…), not by path',
);
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const CODECS = [
  'device-agent/src/devices/idcard/{frame,frame-parser,text-block,code-tables,status-codes,miaxis-envelope}.ts',
  'device-agent/src/devices/printer/{encoder,decoder,gb,bitmap,status,form-render,form-types,profiles,job,preview}.ts',
];
export const boundaries = [
  restrict(['device-agent/**/*.ts'], [...otherParts('device-agent'), packagesByName]),
  restrict(['service-center/**/*.ts'], [...otherParts('service-center'), packagesByName]),
  restrict(
    ['service-center/console/**/*.ts'],
    [
      ...otherParts('service-center'),
      packagesByName,
      // The console talks to the centre over the staff API: its wire types are @kiosk/contract/staff-api.
      forbid(['../../src/**', '**/service-center/src/**'], 'the staff console imports @kiosk/contract, not the centre'),
      forbid(
        ['@kiosk/node-common', '@kiosk/node-common/**'],
        'the staff console runs in the browser: node-common is Node-only',
      ),
    ],
  ),
  restrict(
    ['kiosk-ui/**/*.ts'],
    [
      ...otherParts('kiosk-ui'),
      packagesByName,
      forbid(['@kiosk/node-common', '@kiosk/node-common/**'], 'kiosk-ui runs in the browser: node-common is Node-only'),
    ],
  ),
  restrict(
    ['packages/**/*.ts'],
    PART_DIRS.map((p) =>
      forbid([`**/${p}/**`, `@kiosk/${p}`, `@kiosk/${p}/**`], 'packages/ import no app: the apps import packages'),
    ),
  ),
  restrict(
    ['packages/contract/**/*.ts', 'packages/domain/**/*.ts'],
    [
      ...PART_DIRS.map((p) => forbid([`**/${p}/**`, `@kiosk/${p}`, `@kiosk/${p}/**`], 'packages/ import no app')),
      forbid(['node:*', '@kiosk/node-common', '@kiosk/node-common/**'], 'contract and domain run in the browser too'),
    ],
  ),
  restrict(CODECS, [
    ...otherParts('device-agent'),
    packagesByName,
    // The link layer may declare the seam a codec implements (a type), nothing more.
    forbid(['**/links/**'], 'a codec turns bytes into values: it imports no link', true),
    forbid(['**/*-service.js', '**/core/**'], 'a codec turns bytes into values: it imports no service or core'),
  ]),
  // The agent's core (controller, dispatcher, bus, service base) depends on nothing above it:
  // app/ is the composition root that wires devices, listeners and modules to it.
  restrict(
    ['device-agent/src/core/**/*.ts'],
    [
      ...otherParts('device-agent'),
      packagesByName,
      forbid(
        ['**/http/**', '**/devices/**', '**/outbox/**', '**/voice/**', '**/admin/**', '**/session/**', '**/app/**'],
        'core depends on nothing above it: wire parts together in device-agent/src/app/',
      ),
    ],
  ),
  restrict(
    ['device-agent/src/links/**/*.ts'],
    [
      ...otherParts('device-agent'),
      packagesByName,
      forbid(['**/devices/**'], 'a link moves bytes: it imports no codec or device'),
    ],
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/dist/**',
      '**/*.d.mts',
      'node_modules/**',
      'coverage/**',
      '.kiosk-data/**',
      '.center-data/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests may use `any` for JSON bodies; scripts and benches print to the console on purpose.
    files: ['tests/**', 'bench/**', 'scripts/**', '*.mjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  {
    // Benchmarks hand page code to Chromium as strings on purpose (tsx would inject helpers).
    files: ['bench/**'],
    rules: { '@typescript-eslint/no-implied-eval': 'off', '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  ...boundaries,
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
