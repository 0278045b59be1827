import { describe } from "vitest";
import { lifecycleProperties } from "../__tests__/lifecycle-properties.js";
import { CallbackTaskState } from "../callback.enums.js";
import { CALLBACK_TASK_TRANSITIONS, CallbackTaskAction, INITIAL_CALLBACK_TASK_STATE, checkCallbackTaskTransition } from "./callback-task-lifecycle.js";

const S = CallbackTaskState;

describe("the callback task state machine (fast-check)", () => {
  lifecycleProperties({
    table: CALLBACK_TASK_TRANSITIONS,
    initial: INITIAL_CALLBACK_TASK_STATE,
    states: Object.values(CallbackTaskState),
    actions: Object.values(CallbackTaskAction),
    finished: [S.DONE, S.DONE_ONLINE, S.UNREACHABLE, S.CANCELLED],
    check: checkCallbackTaskTransition,
  });
});
