import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "supervision", root: import.meta.dirname });
