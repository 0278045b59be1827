import { reactConfig } from "@civicline/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";

export default mergeConfig(mergeConfig(viteConfig, reactConfig({ name: "operator" })), defineConfig({ test: { setupFiles: ["./src/test-setup.ts"] } }));
