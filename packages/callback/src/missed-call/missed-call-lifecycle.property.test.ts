import { describe } from "vitest";
import { lifecycleProperties } from "../__tests__/lifecycle-properties.js";
import { MissedCallState } from "../callback.enums.js";
import { INITIAL_MISSED_CALL_STATE, MISSED_CALL_TRANSITIONS, MissedCallAction, checkMissedCallTransition } from "./missed-call-lifecycle.js";

const S = MissedCallState;

describe("the missed call state machine (fast-check)", () => {
  lifecycleProperties({
    table: MISSED_CALL_TRANSITIONS,
    initial: INITIAL_MISSED_CALL_STATE,
    states: Object.values(MissedCallState),
    actions: Object.values(MissedCallAction),
    finished: [S.RETURNED, S.UNREACHABLE],
    check: checkMissedCallTransition,
  });
});
