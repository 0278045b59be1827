import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "qa", root: import.meta.dirname });
