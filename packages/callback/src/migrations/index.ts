import { Init1795569270150 } from "./1795569270150-Init.js";
import { CitizenNotices1796555563781 } from "./1796555563781-CitizenNotices.js";

/** The callback module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const callbackMigrations: Function[] = [Init1795569270150, CitizenNotices1796555563781];
