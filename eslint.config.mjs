// Lint rules, including the package boundaries described in README.md (目录结构).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/*', 'wx-server-sdk', 'node:*', 'react', 'react-dom', '@nutui/*'],
              message: 'src/domain is pure: no Taro, SDK, node or React.',
            },
            {
              group: ['**/cloudfunctions/**', '**/server/**', '**/emulator/**'],
              message: 'src/domain is shared by the app and the functions: it imports no server code.',
            },
          ],
        },
      ],
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
  {
    files: ['src/**'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cloudfunctions/**', '**/server/**', '**/emulator/**', 'wx-server-sdk'],
              message: 'The app may not import server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Function code runs on WeChat: it never knows about the emulator, and one function never reaches into another's
    // folder except through that feature's `public.ts` (its exported readers); the `ranking` scheduler also runs each
    // feature's `timer.ts`. Shared infrastructure goes to server/.
    files: ['server/**/*.ts', 'cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/ranking/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: functionImportPatterns(['public']) }] },
  },
  {
    files: ['cloudfunctions/ranking/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: functionImportPatterns(['public', 'timer']) }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-var-requires': 'off' },
  },
);
