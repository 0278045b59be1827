import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "platform", root: import.meta.dirname });
