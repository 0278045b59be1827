import { describe, expect, it } from "vitest";
import type { InboxAssignmentFragment } from "../../gql/graphql.ts";
import { sortByDeadline } from "../inbox.ts";
import { buildAssignment } from "./routingTestKit.tsx";

/** Issue 16: the lead unit sees a chased ticket (催办) at the top of its inbox. */
describe("inbox order", () => {
  it("puts chased tickets first (latest call first), then the soonest deadline", () => {
    const soon = buildAssignment("1", { deadlines: { completionDueAt: "2026-11-25T09:00:00Z" } });
    const later = buildAssignment("2", { deadlines: { completionDueAt: "2026-11-30T09:00:00Z" }, followUpCount: 1, lastFollowUpAt: "2026-11-24T03:00:00Z", lastFollowUpWords: "怎么还没处理" });
    const chasedEarlier = buildAssignment("3", { deadlines: { completionDueAt: "2026-11-29T09:00:00Z" }, followUpCount: 2, lastFollowUpAt: "2026-11-24T01:00:00Z" });
    const items = [soon, chasedEarlier, later] as unknown as InboxAssignmentFragment[];
    expect(sortByDeadline(items).map((item) => item.id)).toEqual([later.id, chasedEarlier.id, soon.id]);
  });
});
