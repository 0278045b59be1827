import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "gateway", root: import.meta.dirname });
