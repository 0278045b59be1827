import { QaTeams1796567053671 } from "./1796567053671-QaTeams.js";

/** The qa module's migrations, oldest first. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const qaMigrations: Function[] = [QaTeams1796567053671];
