import { describe } from "vitest";
import { lifecycleProperties } from "../__tests__/lifecycle-properties.js";
import { ReReportState } from "../callback.enums.js";
import { INITIAL_RE_REPORT_STATE, RE_REPORT_TRANSITIONS, ReReportAction, checkReReportTransition } from "./re-report-proposal-lifecycle.js";

const S = ReReportState;

describe("the re-report proposal state machine (fast-check)", () => {
  lifecycleProperties({
    table: RE_REPORT_TRANSITIONS,
    initial: INITIAL_RE_REPORT_STATE,
    states: Object.values(ReReportState),
    actions: Object.values(ReReportAction),
    finished: [S.ACCEPTED, S.DECLINED, S.WITHDRAWN],
    check: checkReReportTransition,
  });
});
