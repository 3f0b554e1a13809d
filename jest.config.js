// Jest runs TypeScript through ts-jest without type-checking (tsc --noEmit does that
// as its own step); faker 10 ships ESM only, so it is transformed to CommonJS too.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/contracts'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@faker-js/faker/)'],
};
