import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "callback", root: import.meta.dirname });
