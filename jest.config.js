// Two projects: node-side tests (domain, functions over the emulator, conformance) and page tests in jsdom.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
];

/** @type {import('jest').Config} */
module.exports = {
  // Function and page tests start a local cloud or render whole pages: 5 s is too tight on a loaded 2-core machine.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/pages/', '<rootDir>/test/e2e/'],
      // Patches wx-server-sdk before any test module copies its exports (see the file).
      setupFiles: ['<rootDir>/test/helpers/sdk-setup.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
    {
      // Page tests render the real pages in jsdom. Taro and its components are stand-ins (test/pages/stubs);
      // suffixed platform files resolve like the H5 build (x.h5.ts before x.ts); NutUI runs from its ES build.
      displayName: 'pages',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/pages'],
      testMatch: ['**/*.test.ts?(x)'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(@nutui)/)'],
      haste: { defaultPlatform: 'h5', platforms: ['h5', 'weapp'] },
      setupFiles: ['<rootDir>/test/pages/setup.ts'],
      moduleNameMapper: {
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@tarojs/taro$': '<rootDir>/test/pages/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/pages/stubs/components.tsx',
        '^@nutui/nutui-react-taro$':
          '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        '^@nutui/icons-react-taro$': '<rootDir>/node_modules/@nutui/icons-react-taro/dist/es/index.es.js',
        '^(lottie-web|lottie-react|@nutui/lottie-miniprogram)$': '<rootDir>/test/pages/stubs/lottie.ts',
        '\\.(css|scss)$': '<rootDir>/test/pages/stubs/style.ts',
      },
    },
    {
      // Browser tests of the H5 build in Debian's chromium; run by `npm test` after the builds (scripts/test.ts).
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      // The demo data is loaded once and copied for each file (test/e2e/global-setup.ts).
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
  ],
};
