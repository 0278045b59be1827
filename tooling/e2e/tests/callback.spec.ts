import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken as apiLogin } from "./helpers/api.js";

/**
 * A replied ticket, set up through the API as the people involved would: a citizen submits a
 * school-bullying complaint on the portal, the dispatcher sends it to the unit the catalogue proposes
 * (the education bureau), and the bureau's handler signs for it and replies. Returns its tracking number and id.
 */
async function repliedTicket(request: APIRequestContext, marker: string): Promise<{ trackingNumber: string; id: string }> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((category) => category.code === "EDU.BULLYING")!.id,
      description: `孩子在学校多次被同学欺负，老师没有处理，请教育部门调查。${marker}`,
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区华光路 12 号",
      citizenName: "孙女士",
      phone: "13822223333",
    },
  });
  const trackingNumber = submitted.submitRequest.trackingNumber;

  const dispatcher = await apiLogin(request, "dispatcher");
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

  const handler = await apiLogin(request, "handler");
  await gql(request, "mutation($id: ID!) { signFor(ticketId: $id) { id } }", { id: ticket.id }, handler);
  await gql(
    request,
    "mutation($id: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $id, input: $i) { id } }",
    { id: ticket.id, i: { outcome: "RESOLVED", text: "经调查，学校已对涉事学生批评教育，班主任加强管理，并与家长沟通。" } },
    handler,
  );
  return { trackingNumber, id: ticket.id };
}

test("a callback agent records a very dissatisfied, unresolved answer; the supervisor accepts the re-report and the ticket is dispatched again", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { trackingNumber, id } = await repliedTicket(request, "e2e-回访");

  // The reply creates a callback task (after commit, through the outbox).
  const agentToken = await apiLogin(request, "callback");
  await expect
    .poll(
      async () => {
        const data = await gql<{ callbackQueue: { items: Array<{ ticket: { trackingNumber: string } }> } }>(
          request,
          "{ callbackQueue(filter: { kinds: [REPLY] }, limit: 200) { items { ticket { trackingNumber } } } }",
          {},
          agentToken,
        );
        return data.callbackQueue.items.some((task) => task.ticket.trackingNumber === trackingNumber);
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  // The callback agent lands on the callback queue (not the call desk) and opens the task.
  const agent = await staffPage(browser, "operator", "callback", "zh-CN");
  await expect(agent.getByTestId("callback-queue")).toBeVisible();
  await expect(agent.getByTestId("new-call")).toHaveCount(0);
  await expect(agent.getByTestId("callback-tab-count-replies")).toBeVisible();
  const row = agent.getByTestId("callback-row").filter({ hasText: trackingNumber });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expectAccessible(agent, "callback queue");
  await row.getByTestId("callback-open").click();

  const task = agent.getByTestId("callback-task");
  await expect(task.getByTestId("callback-tracking-number")).toHaveText(trackingNumber);
  await expect(task.getByTestId("callback-phone")).toHaveText("13822223333");
  await expect(task.getByTestId("callback-phone")).toHaveAttribute("href", "tel:13822223333");
  await expect(task.getByTestId("callback-reply-text")).toContainText("班主任加强管理");
  await expect(task.getByTestId("callback-script")).toContainText("孙女士");
  await expect(task.getByTestId("callback-claimed")).toBeVisible();

  // Saving without answers marks the missing question.
  await task.getByTestId("callback-save").click();
  await expect(task.getByTestId("callback-missing")).toBeVisible();

  // Reached: not resolved, very dissatisfied with the result, satisfied with the service, reasonable.
  await agent.keyboard.press("Alt+R");
  await task.getByTestId("callback-resolution-UNRESOLVED").check();
  await task.getByTestId("callback-result-VERY_DISSATISFIED").check();
  await task.getByTestId("callback-process-SATISFIED").check();
  await task.getByTestId("callback-reasonable-yes").check();
  await task.getByTestId("callback-comment").fill("学校只是口头批评，孩子仍然被欺负。");
  await agent.screenshot({ path: "test-results/callback-task-form.png", fullPage: true });
  await expectAccessible(agent, "callback task with the answer form");
  await task.getByTestId("callback-save").click();
  const saved = task.getByTestId("callback-saved");
  await expect(saved).toBeVisible({ timeout: 10_000 });
  await expect(saved).toHaveAttribute("data-proposed", "true");
  await expect(saved).toContainText("续报");
  await expect(task).toHaveAttribute("data-task-state", "DONE");
  await agent.screenshot({ path: "test-results/callback-task-saved.png" });

  // The missed calls (three from the demo telephony): one is returned and the caller reached.
  await agent.getByRole("link", { name: "未接来电" }).click();
  await expect(agent.getByTestId("callback-tab-missed")).toHaveAttribute("aria-selected", "true");
  const missed = agent.getByTestId("missed-row").first();
  await expect(missed.getByTestId("missed-number")).toHaveAttribute("href", /^tel:\d+$/);
  const missedNumber = (await missed.getByTestId("missed-number").textContent()) ?? "";
  await missed.getByTestId("missed-record").click();
  const form = agent.getByTestId("missed-form");
  await form.getByTestId("missed-reached-yes").check();
  await form.getByTestId("missed-note").fill("已回拨，市民咨询供暖问题，已登记。");
  await form.getByTestId("missed-ticket").fill(trackingNumber);
  await agent.screenshot({ path: "test-results/callback-missed-calls.png" });
  await expectAccessible(agent, "missed calls with the return form");
  await form.getByTestId("missed-save").click();
  await expect(agent.getByTestId("callback-done")).toContainText(missedNumber);
  await expect(agent.getByTestId("missed-row").filter({ hasText: missedNumber })).toHaveCount(0);

  // The supervisor sees the proposal for that ticket and accepts it: the ticket goes to the bureau again.
  const supervisor = await staffPage(browser, "supervisor", "supervisor", "en");
  await supervisor.goto("/supervisor/callback/re-reports");
  await expect(supervisor.getByTestId("satisfaction-card")).toBeVisible();
  await expect(supervisor.getByTestId("sat-result-rate")).not.toBeEmpty();
  const proposal = supervisor.getByTestId("proposal-row").filter({ hasText: trackingNumber });
  await expect(proposal).toBeVisible({ timeout: 15_000 });
  await expect(proposal).toContainText("Very dissatisfied");
  await expect(proposal).toContainText("Not resolved");
  await proposal.getByTestId("proposal-open").click();
  const detail = supervisor.getByTestId("proposal-detail");
  await expect(detail.getByTestId("proposal-reply")).toContainText("班主任加强管理");
  await expect(detail.getByTestId("proposal-answers")).toContainText("学校只是口头批评");
  await detail.getByTestId("proposal-accept").click();
  await expect(detail.getByText("This field is required.")).toBeVisible();
  await detail.getByTestId("proposal-note").fill("请教育局约谈校方，落实防欺凌措施后再次答复。");
  await supervisor.screenshot({ path: "test-results/callback-re-report-detail.png", fullPage: true });
  await expectAccessible(supervisor, "re-report proposal detail with the satisfaction card");
  await detail.getByTestId("proposal-accept").click();
  await expect(supervisor.getByTestId("proposal-done")).toContainText(trackingNumber);
  await expect(supervisor.getByTestId("proposal-row").filter({ hasText: trackingNumber })).toHaveCount(0);
  await supervisor.screenshot({ path: "test-results/callback-re-report-accepted.png" });

  await supervisor.getByTestId("proposal-tab-decided").click();
  const decided = supervisor.getByTestId("decided-row").filter({ hasText: trackingNumber });
  await expect(decided).toHaveAttribute("data-state", "ACCEPTED");
  await expect(decided.getByTestId("decided-ticket-status")).toHaveAttribute("data-status", "DISPATCHED");

  const supervisorToken = await apiLogin(request, "supervisor");
  const after = await gql<{ ticket: { status: string } }>(request, "query($id: ID!) { ticket(id: $id) { status } }", { id }, supervisorToken);
  expect(after.ticket.status).toBe("DISPATCHED");
  const handlerToken = await apiLogin(request, "handler");
  const inbox = await gql<{ unitInbox: Array<{ ticket: { trackingNumber: string }; state: string }> }>(request, "{ unitInbox { state ticket { trackingNumber } } }", {}, handlerToken);
  expect(inbox.unitInbox.find((assignment) => assignment.ticket.trackingNumber === trackingNumber)?.state).toBe("DISPATCHED");

  await agent.context().close();
  await supervisor.context().close();
});
