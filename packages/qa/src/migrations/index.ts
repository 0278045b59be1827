import { QaTeams1796567053671 } from "./1796567053671-QaTeams.js";
import { QaCore1796567223233 } from "./1796567223233-QaCore.js";
import { QaScoring1796567411233 } from "./1796567411233-QaScoring.js";
import { QaSampleQueue1796567522693 } from "./1796567522693-QaSampleQueue.js";

/** The qa module's migrations, oldest first. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const qaMigrations: Function[] = [QaTeams1796567053671, QaCore1796567223233, QaScoring1796567411233, QaSampleQueue1796567522693];
