import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/** A citizen's bullying complaint dispatched by the dispatcher to the education bureau (the demo `handler`'s unit); its id and tracking number. */
async function dispatchedTicket(request: APIRequestContext, marker: string): Promise<{ id: string; trackingNumber: string }> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((c) => c.code === "EDU.BULLYING")!.id,
      description: `孩子在学校多次被同学欺负，请教育部门调查处理。${marker}`,
      districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
      address: "张店区华光路 10 号",
      citizenName: "刘女士",
      phone: "13811113333",
    },
  });
  const trackingNumber = submitted.submitRequest.trackingNumber;
  const dispatcher = await staffToken(request, "dispatcher");
  type QueueItem = { ticket: { id: string; version: number; trackingNumber: string } };
  let item: QueueItem | undefined;
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: QueueItem[] }>(request, "{ dispatchQueue { ticket { id version trackingNumber } } }", {}, dispatcher);
      item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber);
      return Boolean(item);
    }, { timeout: 15_000 })
    .toBe(true);
  const units = await gql<{ units: Array<{ id: string; code: string }> }>(request, "{ units { id code } }", {}, dispatcher);
  const leadUnitId = units.units.find((unit) => unit.code === "BUR-EDU")!.id;
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId } }, dispatcher);
  return { id: item!.ticket.id, trackingNumber };
}

const WORDS = {
  "zh-CN": { reminder: "提醒", formal: "督办", answered: "已回复", closed: "已办结", escalated: "升级", system: "系统（自动）" },
  en: { reminder: "Reminder", formal: "Formal supervision", answered: "Answered", closed: "Closed", escalated: "Escalated", system: "system (automatic)" },
} as const;

for (const locale of ["zh-CN", "en"] as const) {
  const words = WORDS[locale];

  test(`${locale}: a supervisor issues an order, the unit answers it in its workbench, the supervisor closes it`, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const ticket = await dispatchedTicket(request, `督办-${locale}`);

    // The supervisor issues a reminder from the ticket page's panel.
    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale);
    await supervisor.goto(`/supervisor/tickets/${ticket.trackingNumber}`);
    const panel = supervisor.getByTestId("ticket-orders-panel");
    await expect(panel).toBeVisible({ timeout: 15_000 });
    await expect(panel.getByTestId("ticket-orders-empty")).toBeVisible();
    await panel.getByTestId("order-reason").fill("家长再次来电，请教育局加快调查并答复。");
    await panel.getByTestId("order-issue-submit").click();
    await expect(panel.getByTestId("order-issued")).toBeVisible({ timeout: 10_000 });
    await expect(panel.getByTestId("ticket-order")).toHaveCount(1);
    await expect(panel.getByTestId("ticket-order")).toContainText(words.reminder);

    // The unit sees it at the top of its workbench and answers it.
    const handler = await staffPage(browser, "operator", "handler", locale);
    await handler.goto("/operator/workbench");
    const order = handler.getByTestId("unit-order").filter({ hasText: ticket.trackingNumber });
    await expect(order).toBeVisible({ timeout: 15_000 });
    await expectAccessible(handler, `${locale} workbench with open supervision orders`);
    await order.getByTestId("order-answer-open").click();
    await order.getByTestId("order-answer-text").fill("已约谈学校校长，涉事学生已调换班级，本周内完成调查并书面答复家长。");
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await order.getByTestId("order-answer-date").fill(inFiveDays);
    await order.getByTestId("order-answer-submit").click();
    await expect(handler.getByTestId("order-answer-sent")).toBeVisible({ timeout: 10_000 });
    await expect(handler.getByTestId("unit-order").filter({ hasText: ticket.trackingNumber }).getByTestId("unit-order-answered")).toBeVisible();

    // The supervisor finds it answered in the orders list, opens it and closes it as satisfied.
    await supervisor.goto("/supervisor/orders");
    const row = supervisor.getByTestId("order-row").filter({ hasText: ticket.trackingNumber });
    await expect(row.getByTestId("order-state")).toHaveText(words.answered, { timeout: 15_000 });
    await expectAccessible(supervisor, `${locale} supervision orders list`);
    if (locale === "zh-CN") {
      await supervisor.screenshot({ path: "../../apps/supervisor/docs/supervision-orders.png", fullPage: true });
    }
    await row.getByTestId("order-open").click();
    const detail = supervisor.getByTestId("order-detail");
    await expect(detail.getByTestId("order-answer")).toContainText("已约谈学校校长");
    await expectAccessible(supervisor, `${locale} supervision order detail`);
    await detail.getByTestId("order-close").click();
    await expect(detail.getByTestId("order-detail-state")).toHaveText(words.closed, { timeout: 10_000 });
    await expect(detail.getByTestId("order-timeline-step")).toHaveCount(3);
    await supervisor.context().close();
    await handler.context().close();
  });

  test(`${locale}: an unanswered order escalates by itself when its deadline passes`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const ticket = await dispatchedTicket(request, `升级-${locale}`);
    const token = await staffToken(request, "supervisor");
    const issued = await gql<{ issueSupervisionOrder: { id: string } }>(
      request,
      "mutation($i: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $i) { id } }",
      { i: { ticketId: ticket.id, level: "REMINDER", reason: "请于今日内答复调查进展。" } },
      token,
    );
    const orderId = issued.issueSupervisionOrder.id;

    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale);
    await supervisor.goto(`/supervisor/orders/${orderId}`);
    const detail = supervisor.getByTestId("order-detail");
    await expect(detail.getByTestId("order-detail-level")).toHaveText(words.reminder, { timeout: 15_000 });

    // The test clock: the development tool moves the order's response deadline to now; the gateway's timer service does the rest.
    const expired = await request.post(`/dev/supervision-orders/${orderId}/expire`, { headers: { authorization: `Bearer ${token}` } });
    expect(expired.status()).toBe(200);
    expect(await expired.json()).toEqual({ expired: true });

    // Live: the page shows the new level without a reload, the timeline an escalation by the system.
    await expect(detail.getByTestId("order-detail-level")).toHaveText(words.formal, { timeout: 20_000 });
    const escalation = detail.getByTestId("order-timeline-step").filter({ hasText: words.escalated });
    await expect(escalation).toHaveCount(1);
    await expect(escalation).toContainText(words.system);
    await expectAccessible(supervisor, `${locale} escalated supervision order`);

    // Once: a later look still shows one escalation.
    await supervisor.reload();
    await expect(supervisor.getByTestId("order-detail").getByTestId("order-timeline-step").filter({ hasText: words.escalated })).toHaveCount(1, { timeout: 15_000 });
    await supervisor.context().close();
  });
}
