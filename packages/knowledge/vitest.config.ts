import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "knowledge", root: import.meta.dirname });
