import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";
import { watchSubscriptions } from "./helpers/live.js";

type Catalog = { categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> };

/** A noise complaint in 张店区 logged by the call-taker (urgency as given); answers id, version and tracking number. */
async function logNoiseCall(request: APIRequestContext, urgency: string, marker: string): Promise<{ id: string; version: number; trackingNumber: string }> {
  const operator = await staffToken(request, "operator");
  const catalog = await gql<Catalog>(request, "{ categories { id code } areas { id nameZh } }");
  const data = await gql<{ logCall: { id: string; version: number; trackingNumber: string } }>(
    request,
    "mutation($input: LogCallInput!) { logCall(input: $input) { id version trackingNumber } }",
    {
      input: {
        requestType: "COMPLAINT",
        urgency,
        categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE")!.id,
        description: `工地夜间施工噪音很大，影响休息。${marker}`,
        districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 66 号",
        citizenName: "陈先生",
        phone: "13822223333",
      },
    },
    operator,
  );
  return data.logCall;
}

/** The dispatcher sends the ticket to the urban management bureau; its handler signs for it. */
async function dispatchAndSign(request: APIRequestContext, ticket: { id: string }): Promise<void> {
  const dispatcher = await staffToken(request, "dispatcher");
  const units = await gql<{ units: Array<{ id: string; code: string }> }>(request, "{ units { id code } }", {}, dispatcher);
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: Array<{ ticket: { id: string } }> }>(request, "{ dispatchQueue { ticket { id } } }", {}, dispatcher);
      return queue.dispatchQueue.some((item) => item.ticket.id === ticket.id);
    }, { timeout: 15_000 })
    .toBe(true);
  const version = await gql<{ ticket: { version: number } }>(request, "query($id: ID!) { ticket(id: $id) { version } }", { id: ticket.id }, dispatcher);
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", {
    input: { ticketId: ticket.id, version: version.ticket.version, leadUnitId: units.units.find((unit) => unit.code === "BUR-URBAN")!.id },
  }, dispatcher);
  const handler = await staffToken(request, "handler.urban");
  await gql(request, "mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: ticket.id }, handler);
}

/** Time passes for one of the ticket's deadline timers (the gateway's development route, admins only). */
async function fireNow(request: APIRequestContext, trackingNumber: string, kind: string): Promise<void> {
  const admin = await staffToken(request, "admin");
  const response = await request.post("/dev/timers/fire-now", { headers: { authorization: `Bearer ${admin}` }, data: { trackingNumber, kind } });
  expect(response.status(), await response.text()).toBe(200);
}

for (const [locale, words] of [
  ["zh-CN", { title: "督办看板", inProgress: "办理中", red: "超期", yellow: "临期" }],
  ["en", { title: "Chasing board", inProgress: "In progress", red: "Overdue", yellow: "Near due" }],
] as const) {
  test(`${locale}: the supervisor sees a ticket go yellow then red live, and an urgent ticket not dispatched sounds the alarm`, async ({ browser, request }) => {
    test.setTimeout(150_000);
    const ticket = await logNoiseCall(request, "NORMAL", `e2e-chasing-${locale}`);
    await dispatchAndSign(request, ticket);

    // 1920 px: at 1600 the English header (shared layout, every feature's nav) overflows and axe flags its logout button.
    const page = await staffPage(browser, "supervisor", "supervisor", locale, { width: 1920, height: 1080 });
    const live = watchSubscriptions(page);
    // The supervisor lands on the board (or opens it from the nav).
    await page.goto("/supervisor/chasing");
    await expect(page.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
    await expect.poll(() => live.sent("ChasingChanged"), { timeout: 15_000 }).toBe(true);
    await page.getByTestId("chasing-tab-IN_PROGRESS").click();
    await expect(page.getByTestId("chasing-tab-IN_PROGRESS")).toHaveAttribute("aria-selected", "true");
    const row = page.getByTestId(`chasing-row-${ticket.trackingNumber}`);
    await expect(row).toHaveCount(0);

    // The near-due timer fires: the row appears, yellow, without a reload.
    await fireNow(request, ticket.trackingNumber, "near_due");
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row).toHaveAttribute("data-severity", "NEAR_DUE");
    await expect(row).toContainText(words.yellow);
    // The overdue timer fires: the same row turns red.
    await fireNow(request, ticket.trackingNumber, "overdue");
    await expect(row).toHaveAttribute("data-severity", "OVERDUE", { timeout: 15_000 });
    await expect(row).toHaveClass(/chasing-row--red/);
    await expect(row).toContainText(words.red);
    await expect(row.getByRole("link", { name: ticket.trackingNumber, exact: true })).toHaveAttribute("href", `/supervisor/tickets/${ticket.trackingNumber}`);

    // A supervision order can be issued from the row (the orders feature's form).
    await row.getByTestId(`chasing-order-${ticket.trackingNumber}`).click();
    await expect(page.getByTestId("chasing-order-form")).toBeVisible();
    await expectAccessible(page, `chasing board with the order form (${locale})`);

    // An urgent ticket is to be dispatched at once: nobody does, and the alarm strip and the tab title count it.
    const urgent = await logNoiseCall(request, "URGENT", `e2e-urgent-${locale}`);
    await expect(page.getByTestId(`chasing-alarm-${urgent.trackingNumber}`)).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => page.title()).toMatch(new RegExp(`^\\(\\d+\\) ${words.title}$`));

    // The sound switch is remembered across a reload.
    const sound = page.getByTestId("chasing-sound");
    await expect(sound).toBeChecked();
    await sound.uncheck();
    await page.reload();
    await expect(page.getByTestId("chasing-sound")).not.toBeChecked();
    await page.getByTestId("chasing-sound").check();

    await page.getByTestId("chasing-tab-IN_PROGRESS").click();
    await expect(page.getByTestId(`chasing-row-${ticket.trackingNumber}`)).toBeVisible();
    await expectAccessible(page, `chasing board (${locale})`);
    await page.getByTestId("chasing-tab-WAITING_DISPATCH").click();
    await expect(page.getByTestId(`chasing-row-${urgent.trackingNumber}`)).toHaveAttribute("data-severity", "OVERDUE");
    await expectAccessible(page, `chasing board, dispatch stage (${locale})`);
    if (locale === "zh-CN") {
      // The README's screenshot: the demo's late tickets waiting for dispatch, with the alarm.
      await page.screenshot({ path: "../../apps/supervisor/docs/chasing-board.png", fullPage: false });
    }
    await page.context().close();
  });
}
