import { registerEnumType } from "type-graphql";

/** Where a late ticket is stuck: the stage whose deadline it is near or past. */
export enum ChasingStage {
  WAITING_DISPATCH = "WAITING_DISPATCH",
  WAITING_SIGN_FOR = "WAITING_SIGN_FOR",
  IN_PROGRESS = "IN_PROGRESS",
  EXTENSION_PENDING = "EXTENSION_PENDING",
}

/** How late: near due (yellow) or overdue (red). */
export enum ChasingSeverity {
  NEAR_DUE = "NEAR_DUE",
  OVERDUE = "OVERDUE",
}

/** The stages in the order the board shows them. */
export const CHASING_STAGES: readonly ChasingStage[] = [
  ChasingStage.WAITING_DISPATCH,
  ChasingStage.WAITING_SIGN_FOR,
  ChasingStage.IN_PROGRESS,
  ChasingStage.EXTENSION_PENDING,
];

/** The counters' key for "no unit yet" (tickets waiting for dispatch are the centre's). */
export const CENTRE_UNIT_KEY = "00000000-0000-0000-0000-000000000000";

registerEnumType(ChasingStage, {
  name: "ChasingStage",
  description: "The stage a late ticket is stuck in (督办看板的环节).",
  valuesConfig: {
    WAITING_DISPATCH: { description: "Received, not dispatched yet (待派单): late against the dispatch limit from receipt." },
    WAITING_SIGN_FOR: { description: "Dispatched, the lead unit has not signed for it (待签收): late against the sign-for limit." },
    IN_PROGRESS: { description: "Signed for and being handled (办理中): near or past the completion deadline." },
    EXTENSION_PENDING: { description: "The unit asked for an extension that waits for a supervisor (延期待审): near or past the completion deadline." },
  },
});

registerEnumType(ChasingSeverity, {
  name: "ChasingSeverity",
  description: "How late a ticket is on the chasing board.",
  valuesConfig: {
    NEAR_DUE: { description: "The near-due warning fired (临期, yellow)." },
    OVERDUE: { description: "The deadline passed (超期, red)." },
  },
});
