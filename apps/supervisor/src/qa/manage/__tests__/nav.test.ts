import { describe, expect, it } from "vitest";
import { groupNav } from "../../../layout/navGroups.ts";
import { qaManageNavItems, qaManagePages } from "../nav.ts";

const words: Record<string, string> = { "qm.nav.review": "Weekly review", "qm.nav.assessment": "Monthly assessment", "qm.nav.roster": "Roster", "qm.nav.forms": "Score forms" };
const labels = (key: string) => words[key] ?? key;
const none = { viewerId: "u1", ledTeamIds: [] };
const lead = { viewerId: "u1", ledTeamIds: ["t1"] };

describe("the QA management pages in the nav", () => {
  it("offers each role what the API lets it read", () => {
    expect(qaManagePages(["QA_INSPECTOR"], none)).toEqual({ roster: true, review: true, assessment: true, forms: true });
    expect(qaManagePages(["ADMIN"], none)).toEqual({ roster: true, review: true, assessment: true, forms: true });
    expect(qaManagePages(["SUPERVISOR"], none)).toEqual({ roster: true, review: true, assessment: true, forms: false });
    expect(qaManagePages(["LEADER"], none)).toEqual({ roster: true, review: true, assessment: true, forms: false });
    // a call-taker sees their own results in the operator console, not here; a team lead has a role of call-taker
    expect(qaManagePages(["OPERATOR"], none)).toEqual({ roster: false, review: false, assessment: false, forms: false });
    expect(qaManagePages(["OPERATOR"], lead)).toEqual({ roster: true, review: true, assessment: true, forms: false });
    expect(qaManageNavItems("", ["DISPATCHER"], none, labels)).toEqual([]);
  });

  it("gathers the QA pages into one QA menu", () => {
    const nav = groupNav(qaManageNavItems("qa/review", ["OPERATOR"], lead, labels), { supervision: "S", callback: "C", dispatch: "D", knowledge: "K", qa: "QA" });
    expect(nav.map((item) => [item.label, item.group])).toEqual([
      ["Weekly review", "QA"],
      ["Monthly assessment", "QA"],
      ["Roster", "QA"],
    ]);
    expect(nav.find((item) => item.current)?.label).toBe("Weekly review");
  });
});
