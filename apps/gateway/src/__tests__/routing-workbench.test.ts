import { WorkingCalendar, addWorkingDays } from "@civicline/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackAsCitizen } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

type Ids = { categories: Map<string, string>; districts: Map<string, string>; townships: Map<string, string>; units: Map<string, string> };
type QueueItem = { ticket: { id: string; trackingNumber: string; version: number; status: string }; proposal: { clear: boolean; leadUnit: { code: string } | null; rule: { id: string } | null }; pendingReturn: { reason: string; unit: { code: string } } | null };
type AssignmentView = {
  id: string;
  state: string;
  ticket: { id: string; trackingNumber: string; status: string; version: number };
  leadUnit: { code: string };
  signedForAt: string | null;
  deadlines: { dispatchDueAt: string; completionDueAt: string; nearDueAt: string; state: string; workingMinutesLeft: number | null };
  reply: { outcome: string; text: string; unit: { code: string } } | null;
  extension: { status: string; workingDays: number; requestedMinutes: number } | null;
  returns: Array<{ reason: string; status: string; unit: { code: string } }>;
  notes: Array<{ text: string; visibility: string; unit: { code: string } | null }>;
};

const ASSIGNMENT = `id state signedForAt ticket { id trackingNumber status version } leadUnit { code }
  deadlines { dispatchDueAt completionDueAt nearDueAt state workingMinutesLeft }
  reply { outcome text unit { code } } extension { status workingDays requestedMinutes }
  returns { reason status unit { code } } notes { text visibility unit { code } }`;
const QUEUE = `query { dispatchQueue { ticket { id trackingNumber version status } proposal { clear leadUnit { code } rule { id } } pendingReturn { reason unit { code } } } }`;

let gateway: TestGateway;
let ids: Ids;
const cookies: Record<string, string> = {};

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["dispatcher", "handler", "handler.qingcheng", "supervisor", "admin"]) {
    cookies[user] = await gateway.login(user);
  }
  const catalog = await ok(gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }"));
  const gaoqing = catalog.areas.find((area) => area.nameZh === "高青县")!;
  const townships = await ok(gateway.gql<{ areas: Array<{ id: string; nameZh: string }> }>("query($p: ID) { areas(parentId: $p) { id nameZh } }", { p: gaoqing.id }));
  const units = await ok(gateway.gql<{ units: Array<{ id: string; code: string }> }>("{ units { id code } }", undefined, cookies.dispatcher));
  ids = {
    categories: new Map(catalog.categories.map((category) => [category.code, category.id])),
    districts: new Map(catalog.areas.map((area) => [area.nameZh, area.id])),
    townships: new Map(townships.areas.map((area) => [area.nameZh, area.id])),
    units: new Map(units.units.map((unit) => [unit.code, unit.id])),
  };
});
afterAll(() => gateway?.stop());

/** Submits a portal request and returns its tracking number. */
async function submit(input: { categoryCode: string; district: string; township?: string; requestType?: string }): Promise<string> {
  const data = await ok(
    gateway.gql<{ submitRequest: { trackingNumber: string } }>("mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }", {
      input: {
        requestType: input.requestType ?? "COMPLAINT",
        categoryId: ids.categories.get(input.categoryCode),
        description: "孩子在学校被同学欺负，希望学校和教育部门处理。",
        districtId: ids.districts.get(input.district),
        townshipId: input.township ? ids.townships.get(input.township) : null,
        address: "张店区共青团西路 88 号",
        citizenName: "王先生",
        phone: "13812345678",
      },
    }),
  );
  return data.submitRequest.trackingNumber;
}

async function queued(trackingNumber: string): Promise<QueueItem> {
  let found: QueueItem | undefined;
  await expect
    .poll(async () => {
      found = (await ok(gateway.gql<{ dispatchQueue: QueueItem[] }>(QUEUE, undefined, cookies.dispatcher))).dispatchQueue.find((item) => item.ticket.trackingNumber === trackingNumber);
      return found;
    }, { timeout: 10_000 })
    .toBeDefined();
  return found!;
}

async function dispatch(item: QueueItem, unitCode: string): Promise<AssignmentView> {
  const data = await ok(
    gateway.gql<{ dispatchTicket: AssignmentView }>(`mutation($input: DispatchInput!) { dispatchTicket(input: $input) { ${ASSIGNMENT} } }`, {
      input: { ticketId: item.ticket.id, version: item.ticket.version, leadUnitId: ids.units.get(unitCode) },
    }, cookies.dispatcher),
  );
  return data.dispatchTicket;
}

function act<K extends string>(user: string, mutation: string, variables: Record<string, unknown>): Promise<GraphQLResponse<Record<K, AssignmentView>>> {
  return gateway.gql<Record<K, AssignmentView>>(mutation.replace("ASSIGNMENT", ASSIGNMENT), variables, cookies[user]);
}

describe("routing through GraphQL", () => {
  it("shows the demo handlers their dispatched demo cases", async () => {
    const edu = await ok(gateway.gql<{ unitInbox: AssignmentView[] }>(`{ unitInbox { ${ASSIGNMENT} } }`, undefined, cookies.handler));
    expect(edu.unitInbox.map((assignment) => assignment.leadUnit.code)).toContain("BUR-EDU");
    const qingcheng = await ok(gateway.gql<{ unitInbox: AssignmentView[] }>(`{ unitInbox { ${ASSIGNMENT} } }`, undefined, cookies["handler.qingcheng"]));
    expect(qingcheng.unitInbox.map((assignment) => assignment.leadUnit.code)).toContain("GOV-370322101");
  });

  it("dispatch in one action (CONFLICT on a stale version) → the unit signs for it → replies; the citizen sees the steps", async () => {
    const trackingNumber = await submit({ categoryCode: "EDU.BULLYING", district: "张店区" });
    const item = await queued(trackingNumber);
    expect(item.proposal).toMatchObject({ clear: true, leadUnit: { code: "BUR-EDU" } });
    const assignment = await dispatch(item, "BUR-EDU");
    expect(assignment).toMatchObject({ state: "DISPATCHED", leadUnit: { code: "BUR-EDU" }, ticket: { status: "DISPATCHED" }, deadlines: { state: "ON_TIME" } });
    const stale = await gateway.gql(`mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }`, {
      input: { ticketId: item.ticket.id, version: item.ticket.version, leadUnitId: ids.units.get("BUR-MARKET") },
    }, cookies.dispatcher);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const inbox = await ok(gateway.gql<{ unitInbox: AssignmentView[] }>(`{ unitInbox { ${ASSIGNMENT} } }`, undefined, cookies.handler));
    expect(inbox.unitInbox.map((entry) => entry.ticket.id)).toContain(item.ticket.id);
    const signed = await ok(act<"signFor">("handler", "mutation($t: ID!) { signFor(ticketId: $t) { ASSIGNMENT } }", { t: item.ticket.id }));
    expect(signed.signFor).toMatchObject({ state: "SIGNED_FOR", ticket: { status: "SIGNED_FOR" } });
    await ok(act("handler", "mutation($t: ID!) { addProgressNote(ticketId: $t, text: \"已联系学校\", visibility: INTERNAL) { id } }", { t: item.ticket.id }));
    const replied = await ok(
      act<"replyToTicket">("handler", "mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { ASSIGNMENT } }", {
        t: item.ticket.id,
        i: { outcome: "RESOLVED", text: "经调查，学校已对相关学生批评教育并通知家长。" },
      }),
    );
    expect(replied.replyToTicket).toMatchObject({
      state: "REPLIED",
      ticket: { status: "REPLIED" },
      reply: { outcome: "RESOLVED", unit: { code: "BUR-EDU" } },
      notes: [{ text: "已联系学校", visibility: "INTERNAL", unit: { code: "BUR-EDU" } }],
      deadlines: { state: "ON_TIME", workingMinutesLeft: null },
    });
    const tracked = await ok(
      trackAsCitizen<{ trackTicket: { timeline: Array<{ status: string }>; reply: { text: string; unitNameZh: string } } }>(
        gateway.url,
        trackingNumber,
        "13812345678",
        "{ timeline { status } reply { text unitNameZh } }",
      ),
    );
    expect(tracked.trackTicket.timeline.map((step) => step.status)).toEqual(["RECEIVED", "DISPATCHED", "SIGNED_FOR", "REPLIED"]);
    expect(tracked.trackTicket.reply).toEqual({ text: "经调查，学校已对相关学生批评教育并通知家长。", unitNameZh: expect.stringContaining("教育局") });
  });

  it("a return → the dispatcher re-dispatches to another unit in the same action", async () => {
    const trackingNumber = await submit({ categoryCode: "EDU.BULLYING", district: "高青县", township: "青城镇" });
    const assignment = await dispatch(await queued(trackingNumber), "BUR-EDU");
    const ticketId = assignment.ticket.id;
    const returned = await ok(
      act<"returnTicket">("handler", "mutation($t: ID!) { returnTicket(ticketId: $t, reason: WRONG_LOCATION, text: \"事发地在青城镇，应由镇政府处理。\") { ASSIGNMENT } }", { t: ticketId }),
    );
    expect(returned.returnTicket).toMatchObject({ state: "RETURN_REQUESTED", ticket: { status: "AWAITING_DISPATCH" }, returns: [{ reason: "WRONG_LOCATION", status: "PENDING" }] });
    const item = await queued(trackingNumber);
    expect(item.pendingReturn).toMatchObject({ reason: "WRONG_LOCATION", unit: { code: "BUR-EDU" } });
    expect(item.proposal.clear).toBe(false);
    const decided = await ok(
      gateway.gql<{ decideReturn: AssignmentView }>(`mutation($t: ID!, $r: DispatchInput) { decideReturn(ticketId: $t, accept: true, note: "改派青城镇", redispatch: $r) { ${ASSIGNMENT} } }`, {
        t: ticketId,
        r: { ticketId, version: item.ticket.version, leadUnitId: ids.units.get("GOV-370322101") },
      }, cookies.dispatcher),
    );
    expect(decided.decideReturn).toMatchObject({ state: "DISPATCHED", leadUnit: { code: "GOV-370322101" }, returns: [{ status: "ACCEPTED", unit: { code: "BUR-EDU" } }] });
    const theirs = await ok(gateway.gql<{ unitInbox: AssignmentView[] }>(`{ unitInbox { ${ASSIGNMENT} } }`, undefined, cookies["handler.qingcheng"]));
    expect(theirs.unitInbox.map((entry) => entry.ticket.id)).toContain(ticketId);
    const formerly = await gateway.gql(`query($t: ID!) { assignment(ticketId: $t) { id } }`, { t: ticketId }, cookies.handler);
    expect(formerly.errors?.[0]?.extensions?.code).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("an extension requested and approved moves the completion deadline by N working days", async () => {
    const trackingNumber = await submit({ categoryCode: "EDU.FEES_TUTORING", district: "张店区" });
    const assignment = await dispatch(await queued(trackingNumber), "BUR-EDU");
    const ticketId = assignment.ticket.id;
    const requested = await ok(
      act<"requestExtension">("handler", "mutation($t: ID!) { requestExtension(ticketId: $t, workingDays: 3, reason: \"涉及多所学校，需要联合调查。\") { ASSIGNMENT } }", { t: ticketId }),
    );
    expect(requested.requestExtension.extension).toEqual({ status: "PENDING", workingDays: 3, requestedMinutes: 1350 });
    const again = await act("handler", "mutation($t: ID!) { requestExtension(ticketId: $t, workingDays: 1, reason: \"再延期一天\") { id } }", { t: ticketId });
    expect(again.errors?.[0]?.extensions?.code).toBe("ROUTING/EXTENSION_ALREADY_REQUESTED");
    const pending = await ok(gateway.gql<{ pendingExtensions: Array<{ ticket: { id: string } }> }>("{ pendingExtensions { ticket { id } } }", undefined, cookies.supervisor));
    expect(pending.pendingExtensions.map((entry) => entry.ticket.id)).toContain(ticketId);
    const approved = await ok(
      gateway.gql<{ decideExtension: AssignmentView }>(`mutation($t: ID!) { decideExtension(ticketId: $t, approve: true, note: "同意延期") { ${ASSIGNMENT} } }`, { t: ticketId }, cookies.supervisor),
    );
    const expected = addWorkingDays(new WorkingCalendar(), new Date(assignment.deadlines.completionDueAt), 3);
    expect(approved.decideExtension.extension?.status).toBe("APPROVED");
    expect(new Date(approved.decideExtension.deadlines.completionDueAt).toISOString()).toBe(expected.toISOString());
  });

  it("auto-dispatches a 青城镇 urban-management request straight to the township office, no district hop", async () => {
    const trackingNumber = await submit({ categoryCode: "URBAN.ILLEGAL_CONSTRUCTION", district: "高青县", township: "青城镇" });
    let found: AssignmentView | undefined;
    await expect
      .poll(async () => {
        const inbox = await ok(gateway.gql<{ unitInbox: AssignmentView[] }>(`{ unitInbox { ${ASSIGNMENT} } }`, undefined, cookies["handler.qingcheng"]));
        found = inbox.unitInbox.find((entry) => entry.ticket.trackingNumber === trackingNumber);
        return found;
      }, { timeout: 10_000 })
      .toBeDefined();
    const view = await ok(gateway.gql<{ assignment: { dispatchedBy: string; rule: { area: { nameZh: string } } } }>(
      "query($t: ID!) { assignment(ticketId: $t) { dispatchedBy rule { area { nameZh } } } }",
      { t: found!.ticket.id },
      cookies.dispatcher,
    ));
    expect(view.assignment).toEqual({ dispatchedBy: "自动派单 / auto-dispatch", rule: { area: { nameZh: "青城镇" } } });
    // Another township of 高青县: the county government's rule, proposed, not dispatched.
    const elsewhere = await queued(await submit({ categoryCode: "URBAN.ILLEGAL_CONSTRUCTION", district: "高青县", township: [...ids.townships.keys()].find((name) => name !== "青城镇") }));
    expect(elsewhere.proposal).toMatchObject({ clear: true, leadUnit: { code: "GOV-370322" } });
  });

  it("keeps every version of a catalogue rule", async () => {
    const input = { categoryId: ids.categories.get("ENV.WATER"), areaId: ids.townships.get("青城镇"), leadUnitId: ids.units.get("BUR-ECOENV") };
    const created = await ok(gateway.gql<{ saveDispatchRule: { id: string; version: number } }>(
      "mutation($i: DispatchRuleInput!) { saveDispatchRule(input: $i) { id version } }", { i: input }, cookies.supervisor,
    ));
    await ok(gateway.gql("mutation($id: ID, $i: DispatchRuleInput!) { saveDispatchRule(id: $id, input: $i) { id } }", {
      id: created.saveDispatchRule.id,
      i: { ...input, leadUnitId: ids.units.get("GOV-370322101"), assistingUnitIds: [ids.units.get("BUR-ECOENV")] },
    }, cookies.admin));
    const history = await ok(gateway.gql<{ dispatchRuleHistory: Array<{ version: number; leadUnit: { code: string }; updatedBy: string }> }>(
      "query($id: ID!) { dispatchRuleHistory(id: $id) { version leadUnit { code } updatedBy } }", { id: created.saveDispatchRule.id }, cookies.dispatcher,
    ));
    expect(history.dispatchRuleHistory.map((version) => [version.version, version.leadUnit.code])).toEqual([
      [2, "GOV-370322101"],
      [1, "BUR-ECOENV"],
    ]);
    const forbidden = await gateway.gql("mutation($i: DispatchRuleInput!) { saveDispatchRule(input: $i) { id } }", { i: input }, cookies.dispatcher);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets admins enter calendar overrides and lists the SLA policies", async () => {
    const set = await ok(gateway.gql<{ setCalendarOverride: { day: string; working: boolean; note: string } }>(
      'mutation { setCalendarOverride(day: "2027-01-01", working: false, note: "2027 元旦") { day working note } }', undefined, cookies.admin,
    ));
    expect(set.setCalendarOverride).toEqual({ day: "2027-01-01", working: false, note: "2027 元旦" });
    const listed = await ok(gateway.gql<{ calendarOverrides: Array<{ day: string }> }>("{ calendarOverrides(year: 2027) { day } }", undefined, cookies.admin));
    expect(listed.calendarOverrides.map((override) => override.day)).toContain("2027-01-01");
    const denied = await gateway.gql('mutation { setCalendarOverride(day: "2027-01-02", working: false) { day } }', undefined, cookies.dispatcher);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const policies = await ok(gateway.gql<{ slaPolicies: Array<{ requestType: string | null; urgency: string | null; completionMinutes: number; dispatchMinutes: number }> }>(
      "{ slaPolicies { requestType urgency completionMinutes dispatchMinutes } }", undefined, cookies.handler,
    ));
    expect(policies.slaPolicies).toEqual(expect.arrayContaining([
      expect.objectContaining({ requestType: "COMPLAINT", urgency: null, completionMinutes: 2250, dispatchMinutes: 240 }),
      expect.objectContaining({ requestType: null, urgency: "URGENT", dispatchMinutes: 0 }),
    ]));
  });
});
