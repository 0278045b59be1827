import { serverConfig } from "@civicline/vitest-config";

export default serverConfig({ name: "intake", root: import.meta.dirname });
