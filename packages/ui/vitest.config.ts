import { reactConfig } from "@civicline/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(reactConfig({ name: "ui" }), defineConfig({ test: { setupFiles: ["./src/test/setup.ts"] } }));
