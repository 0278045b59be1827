import { registerEnumType } from "type-graphql";

/** What a leader was assigned (领导包案). */
export enum LeaderMatterKind {
  TICKET = "TICKET",
  HOT_ISSUE = "HOT_ISSUE",
}

/** Where a leader's matter stands, from its tickets. */
export enum LeaderMatterStatus {
  OPEN = "OPEN",
  DONE = "DONE",
}

registerEnumType(LeaderMatterKind, {
  name: "LeaderMatterKind",
  description: "What a leader takes charge of (领导包案).",
  valuesConfig: {
    TICKET: { description: "One hard ticket." },
    HOT_ISSUE: { description: "A named hot issue with one or more tickets." },
  },
});

registerEnumType(LeaderMatterStatus, {
  name: "LeaderMatterStatus",
  description: "Where a leader's matter stands.",
  valuesConfig: {
    OPEN: { description: "At least one of its tickets is still open." },
    DONE: { description: "Every ticket is closed (or merged)." },
  },
});
