import { serverConfig } from "@civicline/vitest-config";

const config = serverConfig({ name: "gateway-faults", root: import.meta.dirname });

// The fault suite: gateway processes from the built CLI (`pnpm build` first), killed and restarted; `pnpm test:faults`.
export default { ...config, test: { ...config.test, include: ["src/__tests__/faults/**/*.test.ts"], testTimeout: 90_000 } };
