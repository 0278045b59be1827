import type { Ticket } from "@civicline/intake";
import { describe, expect, it } from "vitest";
import { limitsFor, type Catalogue } from "../catalogue.js";
import type { SlaPolicy } from "./sla-policy.entity.js";

const policy = (id: string, dims: Partial<Pick<SlaPolicy, "requestType" | "categoryId" | "urgency">>, completionMinutes: number, aroundTheClock = false): SlaPolicy =>
  ({ id, requestType: null, categoryId: null, urgency: null, dispatchMinutes: 240, signForMinutes: 120, nearDuePercent: 80, aroundTheClock, completionMinutes, ...dims }) as SlaPolicy;

const complaint = policy("complaint", { requestType: "complaint" }, 2250);
const urgent = policy("urgent", { urgency: "urgent" }, 240, true);
const slow = policy("slow", {}, 9000);
const fast = policy("fast", { categoryId: "elsewhere" }, 450);

const catalogue = (categoryPolicies: Record<string, SlaPolicy>): Catalogue => ({
  rules: [],
  policies: [complaint, urgent, slow, fast],
  categoryPolicies: new Map(Object.entries(categoryPolicies)),
  categoryParents: new Map<string, string | null>([
    ["housing", null],
    ["housing.heating", "housing"],
    ["housing.fee", "housing"],
  ]),
  cityAreaIds: new Set(),
});
const ticket = (categoryId: string, urgency = "normal"): Ticket => ({ categoryId, requestType: "complaint", urgency }) as Ticket;

describe("an SLA policy set on a category (category admin page)", () => {
  it("decides the limits of its tickets and its sub-categories' tickets, over a request-type policy", () => {
    expect(limitsFor(catalogue({}), ticket("housing.heating")).policyId).toBe("complaint");
    expect(limitsFor(catalogue({ "housing.heating": fast }), ticket("housing.heating"))).toMatchObject({ policyId: "fast", limits: { completionMinutes: 450 } });
    expect(limitsFor(catalogue({ housing: slow }), ticket("housing.fee")).policyId).toBe("slow");
    // The nearest category with a policy wins.
    expect(limitsFor(catalogue({ housing: slow, "housing.heating": fast }), ticket("housing.heating")).policyId).toBe("fast");
  });

  it("gives way to a policy for the ticket's urgency (emergencies keep running around the clock)", () => {
    expect(limitsFor(catalogue({ "housing.heating": fast }), ticket("housing.heating", "urgent"))).toMatchObject({ policyId: "urgent", limits: { aroundTheClock: true } });
  });
});
