// Tests use their own Babel setup (not babel-preset-taro) so they start fast and run on Node.
const transform = {
  '^.+\\.(t|j)sx?$': [
    'babel-jest',
    {
      babelrc: false,
      configFile: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    },
  ],
};
const moduleNameMapper = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/types/$1',
};
const common = { transform, moduleNameMapper, rootDir: __dirname };

module.exports = {
  projects: [
    // Pure logic shared by app and server (types/).
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/types/**/*.test.ts'] },
    // API through app.inject, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
    {
      ...common,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/server/**/*.test.ts'],
      // light-my-request (app.inject) requires cookie@2, which ships ESM only.
      transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
    },
    // React components and screens in jsdom with small Taro stand-ins.
    {
      ...common,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/src/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/test/src/setup.ts'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/src/taro-stub.ts',
        '^@tarojs/components$': '<rootDir>/test/src/components-stub.tsx',
        '\\.(css|scss)$': '<rootDir>/test/src/style-stub.ts',
      },
    },
    // The built mini-program (dist/) in WeChat's own compiler, and WeChat's package checks.
    { ...common, displayName: 'weapp', testEnvironment: 'node', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
    // The H5 build in Debian's Chromium against the real server.
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
