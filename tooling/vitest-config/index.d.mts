import type { UserConfig } from "vitest/config";

export type PresetOptions = { name?: string; root?: string };
/** Vitest preset for server packages (decorator metadata, one graphql instance, real PostgreSQL). */
export function serverConfig(options?: PresetOptions): UserConfig;
/** Vitest preset for React packages (jsdom). */
export function reactConfig(options?: PresetOptions): UserConfig;
export const graphqlModulePath: string;
