// Lint rules, including the package boundaries described in README.md (目录结构).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The parts of src/domain with an index.ts (`api` is a folder of per-function contracts and is imported by file). */
const DOMAIN_PARTS = [
  'checkin',
  'contest',
  'hotline',
  'identity',
  'live',
  'notice',
  'orglife',
  'points',
  'quiz',
  'rating',
  'register',
];

/**
 * Outside src/domain/<part>/, a part is imported through its index.ts (`@/domain/<part>`), never by file. `own` is the
 * part a file belongs to (it imports its own files), `relative` adds the `../<part>/<file>` form used inside src/domain,
 * `allow` lists the `<part>/<file>` that a file may still import (each with its reason where it is used).
 */
function domainImportPatterns({ own = null, relative = false, allow = [] } = {}) {
  const parts = DOMAIN_PARTS.filter((p) => p !== own).join('|');
  const allowed = allow.length ? `(?!(?:.*/)?domain/(?:${allow.join('|')})$)` : '';
  const allowedRelative = allow.length ? `(?!\\.\\.?/(?:${allow.join('|')})$)` : '';
  const message =
    'Import a part of src/domain through its index.ts (`@/domain/<part>`), not by file (README: 目录结构, one naming convention).';
  return [
    { regex: `^${allowed}(?:.*/)?domain/(?:${parts})/`, message },
    ...(relative ? [{ regex: `^${allowedRelative}\\.\\.?/(?:${parts})/`, message }] : []),
  ];
}

/**
 * The hotline files the app (pages, components, and the contracts in src/domain/api they use) imports by file: through
 * the index, webpack would parse `workdays` and its holiday calendar (chinese-days, whose module build it cannot read)
 * even where nothing uses them. None of these files reaches `workdays`.
 */
const HOTLINE_APP_FILES = ['categories', 'knowledge', 'limits', 'programme', 'workflow'].map((f) => `hotline/${f}`);

/**
 * One `no-restricted-imports` entry from several lists of patterns. A later config block that matches a file replaces
 * the rule's options for it, so every block that sets the rule passes all the lists that apply to its files here.
 */
function restrictImports(...lists) {
  return ['error', { patterns: lists.flat() }];
}

/** What src/domain may not import: it is pure and shared by the app and the functions. */
const DOMAIN_PURE_PATTERNS = [
  {
    group: ['@tarojs/*', 'wx-server-sdk', 'node:*', 'react', 'react-dom', '@nutui/*'],
    message: 'src/domain is pure: no Taro, SDK, node or React.',
  },
  {
    group: ['**/cloudfunctions/**', '**/server/**', '**/emulator/**'],
    message: 'src/domain is shared by the app and the functions: it imports no server code.',
  },
];

/** Import bans for function code; `open` are the files of another function's folder that may be imported. */
function functionImportPatterns(open) {
  return [
    { group: ['**/emulator', '**/emulator/**'], message: 'Function code may not import the emulator.' },
    {
      regex: `^\\.\\./(?!\\.\\./)(?![\\w-]+/(${open.join('|')})$)`,
      message: `A cloud function imports another function's folder only through its ${open.map((f) => `${f}.ts`).join(' or ')}; shared infrastructure belongs in server/.`,
    },
    { regex: '^(\\.\\./)*cloudfunctions/', message: 'server/ may not import a cloud function.' },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.data/**',
      'test-results/**',
      'coverage/**',
      'cloudfunctions/*/index.js',
      'bench/.tmp/**',
      // Local caches and deploy tools (.gitignore): a test run that was killed can leave bundles here.
      '.cache/**',
      '.swc/**',
      '.temp/**',
      '.deploy/**',
      '.deploy-tools/**',
      '.deploy/**',
      '.deploy-tools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Everywhere (tests, scripts, bench, emulator …): the parts of src/domain are imported through their index.ts. The
    // blocks below that set `no-restricted-imports` for their folders repeat these patterns (restrictImports).
    rules: { 'no-restricted-imports': restrictImports(domainImportPatterns()) },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        DOMAIN_PURE_PATTERNS,
        domainImportPatterns({ relative: true, allow: HOTLINE_APP_FILES }),
      ),
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in as an argument in src/domain.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes in as an argument.' },
        { object: 'Date', property: 'now', message: 'Time comes in as an argument in src/domain.' },
      ],
    },
  },
  // A part's own files import each other by file.
  ...DOMAIN_PARTS.map((part) => ({
    files: [`src/domain/${part}/**`],
    rules: {
      'no-restricted-imports': restrictImports(
        DOMAIN_PURE_PATTERNS,
        domainImportPatterns({ own: part, relative: true, allow: HOTLINE_APP_FILES }),
      ),
    },
  })),
  {
    files: ['src/**'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        [
          {
            group: ['**/cloudfunctions/**', '**/server/**', '**/emulator/**', 'wx-server-sdk'],
            message: 'The app may not import server code.',
          },
        ],
        domainImportPatterns({ allow: HOTLINE_APP_FILES }),
      ),
    },
  },
  {
    // Function code runs on WeChat: it never knows about the emulator, and one function never reaches into another's
    // folder except through that feature's `public.ts` (its exported readers); the `ranking` scheduler also runs each
    // feature's `timer.ts`. Shared infrastructure goes to server/.
    files: ['server/**/*.ts', 'cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/ranking/**'],
    rules: { 'no-restricted-imports': restrictImports(functionImportPatterns(['public']), domainImportPatterns()) },
  },
  {
    // Every function bundles server/config.ts, and esbuild would keep the holiday calendar (chinese-days, 25 KB) that
    // the hotline index brings along: the deadlines parser is imported from its file (hotline/categories).
    files: ['server/config.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        functionImportPatterns(['public']),
        domainImportPatterns({ allow: ['hotline/categories'] }),
      ),
    },
  },
  {
    files: ['cloudfunctions/ranking/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(functionImportPatterns(['public', 'timer']), domainImportPatterns()),
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-var-requires': 'off' },
  },
);
