import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

/**
 * Joint supervision (三方联动督办) over the real gateway, on the demo's bollard case: the parties in
 * their own logins, a non-party handler who learns nothing, coded errors with nothing stored, the
 * decision dispatching to the named unit, and that unit's return refused.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

const CASE = `query($id: ID!) { jointCase(id: $id) { id state viewerParty ticket { id trackingNumber status } parties { party recordedAt } timeline { kind } decidedUnit { code } } }`;
type Case = { id: string; state: string; viewerParty: string | null; ticket: { id: string; trackingNumber: string; status: string }; parties: Array<{ party: string; recordedAt: string | null }>; timeline: Array<{ kind: string }>; decidedUnit: { code: string } | null };
const OPINION = `mutation($input: JointOpinionInput!) { recordJointOpinion(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideJointCaseInput!) { decideJointCase(input: $input) { id state decidedUnit { code } } }`;

describe("joint supervision through the gateway", () => {
  it("parties give opinions in their own logins, the complaint centre decides, the named unit cannot return the ticket; bad input is coded and stores nothing", async () => {
    const [jiwei, bianban, centre, outsider, urbanHandler] = await Promise.all([gateway.login("jiwei"), gateway.login("bianban"), gateway.login("complaints"), gateway.login("handler"), gateway.login("handler.urban")]);
    const list = await gateway.gql<{ jointCases: { items: Array<{ id: string }> } }>("{ jointCases(state: OPEN) { items { id } } }", {}, jiwei);
    expect(list.errors).toBeUndefined();
    const caseId = list.data!.jointCases.items[0]!.id;
    const read = async (cookie: string) => (await gateway.gql<{ jointCase: Case }>(CASE, { id: caseId }, cookie)).data!.jointCase;
    expect((await read(jiwei)).viewerParty).toBe("DISCIPLINE_COMMISSION");

    // a handler of another unit sees nothing: an empty list, and the case "does not exist"
    expect((await gateway.gql<{ jointCases: { total: number } }>("{ jointCases { total } }", {}, outsider)).data!.jointCases.total).toBe(0);
    const hidden = await gateway.gql(CASE, { id: caseId }, outsider);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("JOINT/CASE_NOT_FOUND");
    expect(hidden.errors?.[0]?.message).not.toMatch(/select|supervision_joint|stack/i);
    expect((await gateway.gql(OPINION, { input: { caseId, opinion: "我们也有意见。" } }, outsider)).errors?.[0]?.extensions?.code).toBe("JOINT/NOT_A_PARTY");

    // the decision waits for the three opinions; an opinion too long is refused; neither stores anything
    const units = (await gateway.gql<{ units: Array<{ id: string; code: string }> }>("{ units { id code } }", {}, centre)).data!.units;
    const urban = units.find((unit) => unit.code === "BUR-URBAN")!.id;
    const early = await gateway.gql(DECIDE, { input: { caseId, unitId: urban, decision: "由城管局承办。" } }, centre);
    expect(early.errors?.[0]?.extensions?.code).toBe("JOINT/OPINIONS_MISSING");
    const tooLong = await gateway.gql(OPINION, { input: { caseId, opinion: "长".repeat(2001) } }, jiwei);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "opinion" }] });
    expect((await read(centre)).timeline.map((step) => step.kind)).toEqual(["OPENED"]);

    for (const [cookie, opinion, proposedUnitId] of [
      [jiwei, "两单位相互推诿，建议明确责任。", null],
      [bianban, "城市道路附属设施由城管局负责。", urban],
      [centre, "同意编办意见。", null],
    ] as const) {
      const recorded = await gateway.gql(OPINION, { input: { caseId, opinion, proposedUnitId } }, cookie);
      expect(recorded.errors).toBeUndefined();
    }
    const unknownUnit = await gateway.gql(DECIDE, { input: { caseId, unitId: "00000000-0000-4000-8000-000000000000", decision: "由不存在的单位承办。" } }, centre);
    expect(unknownUnit.errors?.[0]?.extensions?.code).toBe("JOINT/UNIT_INACTIVE");
    expect((await read(centre)).state).toBe("OPEN");

    const decided = await gateway.gql<{ decideJointCase: { state: string; decidedUnit: { code: string } } }>(DECIDE, { input: { caseId, unitId: urban, decision: "经三方会商，由城管局承办。" } }, centre);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideJointCase).toMatchObject({ state: "DECIDED", decidedUnit: { code: "BUR-URBAN" } });
    const after = await read(centre);
    expect(after.ticket.status).toBe("DISPATCHED");

    const assignment = await gateway.gql<{ assignment: { finalDecision: string | null } }>(`query($t: ID!) { assignment(ticketId: $t) { finalDecision } }`, { t: after.ticket.id }, urbanHandler);
    expect(assignment.data!.assignment.finalDecision).toContain(after.ticket.trackingNumber);
    const refused = await gateway.gql(`mutation($t: ID!) { returnTicket(ticketId: $t, reason: NOT_OUR_JURISDICTION, text: "不归我们管。") { id } }`, { t: after.ticket.id }, urbanHandler);
    expect(refused.errors?.[0]?.extensions?.code).toBe("ROUTING/JOINT_DECISION_FINAL");
    expect((await read(centre)).ticket.status).toBe("DISPATCHED");
  });
});
