import { Init1795559278987 } from "./1795559278987-Init.js";
import { CallScreen1795561432974 } from "./1795561432974-CallScreen.js";

/** The intake module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const intakeMigrations: Function[] = [Init1795559278987, CallScreen1795561432974];
