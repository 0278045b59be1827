import { describe, expect, it } from "vitest";
import { DEFAULT_SLA_LIMITS, choosePolicy, limitsOf, type SlaCandidate } from "./sla-matching.js";

const base = { dispatchMinutes: 240, signForMinutes: 120, nearDuePercent: 80, aroundTheClock: false };
const policy = (id: string, dims: Partial<Pick<SlaCandidate, "requestType" | "categoryId" | "urgency">>, completionMinutes: number): SlaCandidate => ({
  id,
  requestType: null,
  categoryId: null,
  urgency: null,
  ...base,
  completionMinutes,
  ...dims,
});

const policies = [
  policy("default", {}, 4500),
  policy("complaint", { requestType: "complaint" }, 2250),
  policy("consultation", { requestType: "consultation" }, 1350),
  policy("housing", { categoryId: "housing" }, 6750),
  policy("heating-complaint", { requestType: "complaint", categoryId: "housing.heating" }, 900),
  policy("urgent", { urgency: "urgent" }, 900),
];
const facts = { requestType: "complaint", urgency: "normal", categoryId: "housing.fee", categoryAncestorIds: ["housing"] };

describe("SLA policy matching", () => {
  it("takes the most specific policy: urgency, then request type, then category", () => {
    expect(choosePolicy(policies, facts)?.id).toBe("complaint");
    expect(choosePolicy(policies, { ...facts, requestType: "suggestion" })?.id).toBe("housing");
    expect(choosePolicy(policies, { ...facts, categoryId: "housing.heating" })?.id).toBe("heating-complaint");
    expect(choosePolicy(policies, { ...facts, urgency: "urgent" })?.id).toBe("urgent");
    expect(choosePolicy(policies, { ...facts, requestType: "praise", categoryId: "edu", categoryAncestorIds: [] })?.id).toBe("default");
  });

  it("falls back to the built-in limits without any policy", () => {
    expect(choosePolicy([], facts)).toBeNull();
    expect(limitsOf(null)).toEqual(DEFAULT_SLA_LIMITS);
    expect(DEFAULT_SLA_LIMITS).toMatchObject({ dispatchMinutes: 240, completionMinutes: 4500, nearDuePercent: 80 });
  });
});
