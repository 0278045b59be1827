import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/**
 * A school-bullying complaint submitted on the portal and dispatched by the dispatcher to the unit
 * the catalogue proposes (the education bureau, the demo `handler`'s unit). Returns its tracking number.
 */
async function educationTicket(request: APIRequestContext, marker: string): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((category) => category.code === "EDU.BULLYING")!.id,
      description: `孩子在学校多次被高年级学生欺负，家长多次反映无果。${marker}`,
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区共青团路 8 号",
      citizenName: "王女士",
      phone: "13833334444",
    },
  });
  const trackingNumber = submitted.submitRequest.trackingNumber;
  const dispatcher = await staffToken(request, "dispatcher");
  type QueueItem = { ticket: { id: string; trackingNumber: string; version: number }; proposal: { leadUnit: { id: string; nameZh: string } | null } };
  let item: QueueItem | undefined;
  await expect
    .poll(
      async () => {
        const queue = await gql<{ dispatchQueue: QueueItem[] }>(request, "{ dispatchQueue { ticket { id trackingNumber version } proposal { leadUnit { id nameZh } } } }", {}, dispatcher);
        item = queue.dispatchQueue.find((candidate) => candidate.ticket.trackingNumber === trackingNumber);
        return item?.proposal.leadUnit?.nameZh ?? null;
      },
      { timeout: 15_000 },
    )
    .toContain("教育局");
  const { ticket, proposal } = item!;
  await gql(request, "mutation($i: DispatchInput!) { dispatchTicket(input: $i) { id } }", { i: { ticketId: ticket.id, version: ticket.version, leadUnitId: proposal.leadUnit!.id } }, dispatcher);
  return trackingNumber;
}

const CASES = [
  { locale: "zh-CN", instruction: "请教育局三日内约谈学校负责人，结果报我。", assigned: "已交", heading: "我的坐班与包案", unitTitle: "领导批示" },
  { locale: "en", instruction: "Meet the school's head within three days and report the result to me.", assigned: "Assigned to", heading: "My sessions and cases", unitTitle: "Leader's instructions" },
] as const;

for (const { locale, instruction, assigned, heading, unitTitle } of CASES) {
  test(`a supervisor assigns a ticket to the leader, who instructs on it and the unit sees it first (${locale})`, async ({ browser, request }) => {
    const trackingNumber = await educationTicket(request, `e2e-leader-${locale}-${Date.now()}`);

    // The supervisor assigns the ticket to the demo leader (领导包案) on the leader sessions page.
    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale);
    await supervisor.goto("/supervisor/leader/sessions");
    await expect(supervisor.getByTestId("leader-sessions-page")).toBeVisible();
    await expect(supervisor.getByTestId("leader-session").first()).toContainText("A01");
    await expectAccessible(supervisor, `leader sessions page (${locale})`);
    await supervisor.getByTestId("assign-leader").selectOption({ label: "陈军 (Leader)" });
    await supervisor.getByTestId("assign-numbers").fill(trackingNumber);
    await supervisor.getByTestId("assign-note").fill(locale === "en" ? "Parents keep calling about it." : "家长多次来电反映。");
    await supervisor.getByTestId("assign-submit").click();
    await expect(supervisor.getByTestId("assign-done")).toContainText(assigned);
    await expect(supervisor.getByTestId("assign-done")).toContainText(trackingNumber);
    await supervisor.screenshot({ path: `test-results/leader-sessions-${locale}.png`, fullPage: true });
    await supervisor.context().close();

    // The leader logs in and lands on their page: the new matter and the seeded one.
    const leader = await staffPage(browser, "supervisor", "leader", locale);
    await expect(leader.getByTestId("leader-page")).toBeVisible();
    await expect(leader.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(leader).toHaveURL(/\/supervisor\/leader$/);
    const row = leader.getByTestId("leader-ticket-row").filter({ hasText: trackingNumber });
    await expect(row).toBeVisible();
    expect(await leader.getByTestId("leader-matter").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(leader, `leader page (${locale})`);
    await row.getByTestId("instruction-open").click();
    await leader.getByTestId("instruction-text").fill(instruction);
    await expectAccessible(leader, `leader page with the instruction form (${locale})`);
    await leader.getByTestId("instruction-submit").click();
    await expect(leader.getByTestId("instruction-done")).toContainText(trackingNumber);
    await expect(row).toContainText(locale === "en" ? "Instructions given: 1" : "已批示 1 次");
    if (locale === "zh-CN") {
      await leader.setViewportSize({ width: 1440, height: 1100 });
      await leader.screenshot({ path: "../../apps/supervisor/docs/leader-page.png", fullPage: true });
    }
    await leader.context().close();

    // The education bureau's handler opens the ticket: the instruction stands at its top.
    const handler = await staffPage(browser, "operator", "handler", locale);
    await handler.goto("/operator/workbench");
    await handler.getByTestId("inbox-row").filter({ hasText: trackingNumber }).click();
    const instructions = handler.getByTestId("leader-instructions");
    await expect(instructions).toBeVisible();
    await expect(instructions.getByRole("heading")).toHaveText(unitTitle);
    await expect(instructions.getByTestId("leader-instruction")).toContainText(instruction);
    await expectAccessible(handler, `workbench ticket with a leader's instruction (${locale})`);
    await handler.screenshot({ path: `test-results/leader-instruction-workbench-${locale}.png` });
    await handler.context().close();

    // The ticket page shows the supervisor which leader took the ticket and what they instructed.
    const back = await staffPage(browser, "supervisor", "supervisor", locale);
    await back.goto(`/supervisor/tickets/${trackingNumber}`);
    const panel = back.getByTestId("leader-panel");
    await expect(panel).toContainText("陈军");
    await expect(panel).toContainText(instruction);
    // … and the leaders' cases page follows the matter.
    await back.goto("/supervisor/leader/cases");
    await expect(back.getByTestId("leader-cases-page").getByTestId("leader-ticket-row").filter({ hasText: trackingNumber })).toBeVisible();
    await expectAccessible(back, `leaders' cases page (${locale})`);
    await back.context().close();
  });
}
