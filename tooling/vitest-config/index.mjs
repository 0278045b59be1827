import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Vitest preset for server packages: decorator metadata through Oxc (type-graphql and TypeORM need
 * it), one graphql module instance, and a real PostgreSQL server for integration tests.
 */
export function serverConfig(options = {}) {
  const graphqlPath = createRequire(options.root ? `${options.root}/package.json` : import.meta.url).resolve("graphql");
  return defineConfig({
    oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
    resolve: { alias: { graphql: graphqlPath } },
    test: {
      environment: "node",
      include: ["src/**/*.test.ts"],
      globalSetup: [fileURLToPath(new URL("./postgres-setup.mjs", import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: "forks",
      reporters: process.env.CIVICLINE_TEST_REPORT ? ["default", "json"] : ["default"],
      outputFile: process.env.CIVICLINE_TEST_REPORT ? { json: `${process.env.CIVICLINE_TEST_REPORT}/${options.name ?? "package"}.json` } : undefined,
    },
  });
}

/** Vitest preset for React packages (jsdom). */
export function reactConfig(options = {}) {
  return defineConfig({
    test: {
      environment: "jsdom",
      include: ["src/**/*.test.{ts,tsx}"],
      reporters: process.env.CIVICLINE_TEST_REPORT ? ["default", "json"] : ["default"],
      outputFile: process.env.CIVICLINE_TEST_REPORT ? { json: `${process.env.CIVICLINE_TEST_REPORT}/${options.name ?? "package"}.json` } : undefined,
    },
  });
}

export const graphqlModulePath = require.resolve("graphql");
