import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "routing", root: import.meta.dirname });
