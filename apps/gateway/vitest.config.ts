import { serverConfig } from "@civicline/vitest-config";
import { configDefaults } from "vitest/config";

const config = serverConfig({ name: "gateway", root: import.meta.dirname });

// The fault suite (real gateway processes killed and restarted) runs on its own: `pnpm test:faults`.
export default { ...config, test: { ...config.test, exclude: [...configDefaults.exclude, "src/__tests__/faults/**"] } };
