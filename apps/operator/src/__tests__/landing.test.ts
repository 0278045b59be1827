import { describe, expect, it } from "vitest";
import { KNOWLEDGE_PATH } from "../knowledge/routes.tsx";
import { landingPath, mayUse, OPERATOR_LANDING, QUEUE_PATH } from "../landing.ts";

/** The demo logins' roles (README). */
const DEMO = {
  operator: ["OPERATOR"],
  dispatcher: ["DISPATCHER"],
  handler: ["HANDLER"],
  callback: ["CALLBACK_AGENT"],
  qa: ["QA_INSPECTOR"],
  supervisor: ["SUPERVISOR"],
  leader: ["LEADER"],
  admin: ["ADMIN"],
};

describe("operator app landing (issue 16 bug 10)", () => {
  it("lands every demo login on a page of its own", () => {
    const landings = Object.fromEntries(Object.entries(DEMO).map(([login, roles]) => [login, landingPath(roles, OPERATOR_LANDING)]));
    expect(landings).toEqual({
      operator: QUEUE_PATH,
      dispatcher: "dispatch",
      handler: "workbench",
      callback: "callback",
      qa: KNOWLEDGE_PATH,
      supervisor: QUEUE_PATH,
      leader: QUEUE_PATH,
      admin: QUEUE_PATH,
    });
  });

  it("offers the call desk (新建工单 / 来电受理) only to call-takers, and the queues only to roles that may read them", () => {
    expect(Object.entries(DEMO).filter(([, roles]) => mayUse("callDesk", roles)).map(([login]) => login)).toEqual(["operator"]);
    expect(mayUse("queue", DEMO.qa)).toBe(false);
    expect(mayUse("queue", DEMO.handler)).toBe(false);
    for (const [login, roles] of Object.entries(DEMO)) {
      if (landingPath(roles, OPERATOR_LANDING) === QUEUE_PATH) {
        expect(mayUse("queue", roles), login).toBe(true);
      }
    }
  });
});
