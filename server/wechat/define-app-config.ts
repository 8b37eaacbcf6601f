/**
 * Taro's build provides the global defineAppConfig to src/app.config.ts; on the server it is the identity.
 * Imported before that file (see app-pages.ts), because the config calls it while it loads.
 */
const scope = globalThis as { defineAppConfig?: (config: unknown) => unknown };
scope.defineAppConfig ??= (config) => config;

export {};
