import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { dispatchAndReply, gql, staffPage, staffToken } from "./helpers/api.js";

/** A portal request in 张店区 about `categoryCode`; answers its tracking number. */
async function submit(request: APIRequestContext, categoryCode: string, description: string): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const data = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((category) => category.code === categoryCode)!.id,
      description,
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区人民西路 88 号",
      citizenName: "刘女士",
      phone: "13811113333",
    },
  });
  return data.submitRequest.trackingNumber;
}

/**
 * A ticket with a rich life: dispatched to the education bureau, a progress note, replied, called
 * back (the citizen is not satisfied) and re-reported (续报) to the bureau again.
 */
async function reReportedTicket(request: APIRequestContext): Promise<string> {
  const trackingNumber = await submit(request, "EDU.BULLYING", "孩子在学校多次被高年级同学欺负，希望学校调查处理并加强课间管理。");
  const dispatcher = await staffToken(request, "dispatcher");
  type QueueItem = { ticket: { id: string; version: number; trackingNumber: string } };
  let ticketId = "";
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: QueueItem[] }>(request, "{ dispatchQueue { ticket { id version trackingNumber } } }", {}, dispatcher);
      const item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber);
      ticketId = item?.ticket.id ?? "";
      return ticketId;
    }, { timeout: 15_000 })
    .not.toBe("");
  const units = await gql<{ units: Array<{ id: string; code: string }> }>(request, "{ units { id code } }", {}, dispatcher);
  const queue = await gql<{ dispatchQueue: QueueItem[] }>(request, "{ dispatchQueue { ticket { id version trackingNumber } } }", {}, dispatcher);
  const version = queue.dispatchQueue.find((entry) => entry.ticket.id === ticketId)!.ticket.version;
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId, version, leadUnitId: units.units.find((unit) => unit.code === "BUR-EDU")!.id, note: "请教育局核实并答复" } }, dispatcher);
  const handler = await staffToken(request, "handler");
  await gql(request, "mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: ticketId }, handler);
  await gql(request, "mutation($t: ID!) { addProgressNote(ticketId: $t, text: \"已约谈涉事学生家长，学校安排老师课间巡查。\", visibility: INTERNAL) { id } }", { t: ticketId }, handler);
  await gql(request, "mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { id } }", { t: ticketId, i: { outcome: "RESOLVED", text: "学校已对涉事学生进行批评教育，并安排老师课间巡查。" } }, handler);
  const agent = await staffToken(request, "callback");
  let taskId = "";
  await expect
    .poll(async () => {
      const data = await gql<{ callbackQueue: { items: Array<{ id: string; ticket: { trackingNumber: string } }> } }>(request, "{ callbackQueue(limit: 200) { items { id ticket { trackingNumber } } } }", {}, agent);
      taskId = data.callbackQueue.items.find((task) => task.ticket.trackingNumber === trackingNumber)?.id ?? "";
      return taskId;
    }, { timeout: 15_000 })
    .not.toBe("");
  await gql(request, "mutation($id: ID!) { claimCallbackTask(id: $id) { id } }", { id: taskId }, agent);
  const recorded = await gql<{ recordCallbackAttempt: { proposal: { id: string } } }>(
    request,
    "mutation($input: CallbackAttemptInput!) { recordCallbackAttempt(input: $input) { proposal { id } } }",
    { input: { taskId, outcome: "REACHED", answers: { resolution: "UNRESOLVED", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: true, comment: "孩子说还是有人欺负他" } } },
    agent,
  );
  const supervisor = await staffToken(request, "supervisor");
  await gql(request, "mutation($id: ID!) { decideReReport(id: $id, accept: true, note: \"请教育局继续跟进，一周内再次答复\") { state } }", { id: recorded.recordCallbackAttempt.proposal.id }, supervisor);
  return trackingNumber;
}

const TEXT = {
  "zh-CN": { round: "回访后重新派回承办单位", title: "工单", timeline: "办理时间线", dispatched: "已派单", note: "办理进展", survey: "满意度回访", reReport: "续报审核", notFound: "没有可供您查看的工单", hidden: "已隐藏（保密）" },
  en: { round: "Sent back to the unit after a callback", title: "Ticket", timeline: "Timeline", dispatched: "Sent to department", note: "Progress note", survey: "Satisfaction survey answered", reReport: "Re-report decided", notFound: "No ticket", hidden: "Hidden (privacy)" },
} as const;

let richTicket = "";
let demoTicket = "";
let demoReReport = "";
let otherUnitTicket = "";

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  richTicket = await reReportedTicket(request);
  // A ticket of another unit (Qingcheng town), which the education bureau's handler must not open.
  otherUnitTicket = await submit(request, "EDU.BULLYING", "青城镇某村小学门口道路坑洼，雨天积水严重。");
  await dispatchAndReply(request, otherUnitTicket, { unitCode: "GOV-370322101", handler: "handler.qingcheng", replyText: "已安排人员修补路面。" });
  // The demo's school-bullying case (confidential), dispatched to the education bureau by the demo seed.
  const handler = await staffToken(request, "handler");
  const inbox = await gql<{ unitInbox: Array<{ ticket: { trackingNumber: string; description: string } }> }>(request, "{ unitInbox(includeClosed: true) { ticket { trackingNumber description } } }", {}, handler);
  demoTicket = inbox.unitInbox.find((item) => item.ticket.description.includes("柳泉路"))?.ticket.trackingNumber ?? "";
  expect(demoTicket).not.toBe("");
  // The demo's cable-TV fee case, which went back to the housing bureau after a dissatisfied callback.
  const supervisor = await staffToken(request, "supervisor");
  const accepted = await gql<{ reReportProposals: { items: Array<{ trackingNumber: string; comment: string | null }> } }>(
    request,
    "{ reReportProposals(state: ACCEPTED, limit: 50) { items { trackingNumber comment } } }",
    {},
    supervisor,
  );
  demoReReport = accepted.reReportProposals.items.find((item) => item.comment?.includes("有线电视"))?.trackingNumber ?? "";
  expect(demoReReport).not.toBe("");
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`a supervisor opens a ticket by its number and reads its whole timeline (${locale})`, async ({ browser }) => {
    const text = TEXT[locale];
    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.goto(`/supervisor/tickets/${richTicket}`);
    const ticketPage = page.getByTestId("ticket-page");
    await expect(ticketPage.getByRole("heading", { level: 1 })).toContainText(richTicket);
    const timeline = page.getByTestId("ticket-timeline");
    await expect(timeline.getByRole("heading", { name: text.timeline })).toBeVisible();
    const entries = timeline.getByTestId("timeline-entry");
    await expect(entries.filter({ hasText: text.dispatched }).first()).toBeVisible();
    await expect(entries.filter({ hasText: text.note })).toContainText("已约谈涉事学生家长");
    await expect(entries.filter({ hasText: text.survey })).toContainText("孩子说还是有人欺负他");
    await expect(entries.filter({ hasText: text.reReport })).toBeVisible();
    // Never a raw code in the timeline.
    await expect(timeline).not.toContainText("RE_REPORT_DECIDED");
    await expect(timeline).not.toContainText("SURVEY_ANSWERED");
    // The supervisor sees the phone masked; two assignments (the re-report went back to the unit).
    await expect(page.getByTestId("caller-phone")).toHaveText("138****3333");
    await expect(page.getByTestId("ticket-assignment")).toHaveCount(2);
    // The demo's school-bullying case opens by its number too, with the caller's name for the centre.
    await page.goto(`/supervisor/tickets/${demoTicket}`);
    await expect(page.getByTestId("ticket-caller")).toContainText("刘女士");
    await expect(page.getByTestId("timeline-entry").nth(1)).toBeVisible();
    // The demo's re-reported case: two dispatches to the housing bureau, the round in the re-report section.
    await page.goto(`/supervisor/tickets/${demoReReport}`);
    await expect(page.getByTestId("ticket-assignment")).toHaveCount(2);
    await expect(page.getByTestId("ticket-re-reports")).toContainText(text.round);
    await expect(page.getByTestId("timeline-entry").filter({ hasText: text.reReport })).toBeVisible();
    await expectAccessible(page, `ticket page (${locale})`);
    if (locale === "zh-CN") {
      const file = path.resolve(import.meta.dirname, "../../../apps/supervisor/docs/ticket-page.png");
      mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
    }
    await page.context().close();
  });

  test(`a handler opens their unit's ticket in the operator app and gets not-found for another unit's (${locale})`, async ({ browser }) => {
    const text = TEXT[locale];
    const page = await staffPage(browser, "operator", "handler", locale);
    await page.goto(`/operator/tickets/${richTicket}`);
    await expect(page.getByTestId("ticket-page").getByRole("heading", { level: 1 })).toContainText(richTicket);
    await expect(page.getByTestId("timeline-entry").filter({ hasText: text.note })).toBeVisible();
    await expectAccessible(page, `operator ticket page (${locale})`);
    // The demo's confidential case: the unit does not learn who called.
    await page.goto(`/operator/tickets/${demoTicket}`);
    await expect(page.getByTestId("ticket-caller")).toContainText(text.hidden);
    await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
    await page.goto(`/operator/tickets/${otherUnitTicket}`);
    await expect(page.getByTestId("ticket-not-found")).toContainText(text.notFound);
    await expect(page.getByTestId("ticket-page")).toHaveCount(0);
    await expectAccessible(page, `operator ticket not found (${locale})`);
    await page.context().close();
  });
}
