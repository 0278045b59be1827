import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { DEMO_PASSWORD, gql, staffPage, staffToken } from "./helpers/api.js";
import { pickInCombobox } from "./helpers/combobox.js";
import { watchSubscriptions } from "./helpers/live.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";
type Catalog = { categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> };

/** A noise complaint logged through the API by the call-taker (it waits in the dispatch queue). */
async function loggedTicket(request: APIRequestContext, phone: string, marker: string): Promise<{ id: string; trackingNumber: string }> {
  const operator = await staffToken(request, "operator");
  const catalog = await gql<Catalog>(request, "{ categories { id code } areas { id nameZh } }");
  const { logCall } = await gql<{ logCall: { id: string; trackingNumber: string } }>(
    request,
    "mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber } }",
    {
      input: {
        requestType: "COMPLAINT",
        categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE")!.id,
        description: `学校旁工地夜间施工噪音很大。${marker}`,
        districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 66 号",
        citizenName: "陈先生",
        phone,
      },
    },
    operator,
  );
  return logCall;
}

/** A noise complaint logged through the API, dispatched to the education bureau (demo login `handler`). */
async function dispatchedTicket(request: APIRequestContext, phone: string, marker: string): Promise<{ id: string; trackingNumber: string }> {
  const logCall = await loggedTicket(request, phone, marker);
  const dispatcher = await staffToken(request, "dispatcher");
  const units = await gql<{ units: Array<{ id: string; code: string }> }>(request, "{ units { id code } }", {}, dispatcher);
  const { ticket } = await gql<{ ticket: { version: number } }>(request, "query($id: ID!) { ticket(id: $id) { version } }", { id: logCall.id }, dispatcher);
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", {
    input: { ticketId: logCall.id, version: ticket.version, leadUnitId: units.units.find((unit) => unit.code === "BUR-EDU")!.id },
  }, dispatcher);
  return logCall;
}

async function incomingCall(page: Page, callId: string, callerNumber: string): Promise<void> {
  const response = await page.request.post("/graphql", {
    headers: { "content-type": "application/json", "x-api-key": API_KEY },
    data: { query: "mutation($i: IncomingCallInput!) { incomingCall(input: $i) { callId } }", variables: { i: { callId, callerNumber, seat: "A01" } } },
  });
  expect((await response.json()).data.incomingCall.callId).toBe(callId);
}

/** Fills a whole noise complaint on the call form (the category picker and the district by typing). */
async function fillCall(page: Page, description: string, phone: string): Promise<void> {
  await page.locator("#call-requestType").selectOption("COMPLAINT");
  await pickInCombobox(page.locator("#call-category"), "噪音");
  await expect(page.locator("#call-category")).not.toHaveAttribute("data-value", "");
  await pickInCombobox(page.locator("#call-districtId"), "张店");
  await page.locator("#call-address").fill("张店区共青团西路 88 号");
  await page.locator("#call-description").fill(description);
  await page.locator("#call-citizenName").fill("孙先生");
  await page.locator("#call-phone").fill(phone);
}

/** Tickets of a caller, as the call-taker sees them. */
async function ticketsOf(request: APIRequestContext, phone: string): Promise<Array<{ description: string }>> {
  const operator = await staffToken(request, "operator");
  const data = await gql<{ callerHistory: { tickets: Array<{ description: string }> } }>(request, "query($p: String!) { callerHistory(phone: $p) { tickets { description } } }", { p: phone }, operator);
  return data.callerHistory.tickets;
}

for (const locale of ["zh-CN", "en"] as const) {
  const n = locale === "en" ? "1" : "2";

  test(`a caller chases an existing request: follow-up in one key, at the top of the unit's inbox, in the timeline (${locale})`, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const phone = `1356667770${n}`;
    const ticket = await dispatchedTicket(request, phone, `follow-${locale}`);
    const page = await staffPage(browser, "operator", "operator", locale);
    const subscriptions = watchSubscriptions(page);
    await page.reload();
    await expect.poll(() => subscriptions.sent("ScreenPop"), { timeout: 15_000 }).toBe(true);
    await incomingCall(page, `cti-follow-${locale}`, phone);
    await expect(page.getByTestId("screen-pop")).toContainText(ticket.trackingNumber, { timeout: 15_000 });
    if (locale === "zh-CN") {
      await page.screenshot({ path: "../../apps/operator/docs/call-screen-pop.png" });
    }

    await page.keyboard.press("Alt+1");
    const panel = page.getByTestId("follow-up");
    await expect(panel).toContainText(ticket.trackingNumber);
    await expect(page.getByTestId("follow-up-words")).toBeFocused();
    await page.keyboard.type("已经一周了还是很吵，请尽快处理。");
    await expectAccessible(page, `follow-up panel (${locale})`);
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("follow-up-recorded")).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: locale === "zh-CN" ? "../../apps/operator/docs/call-follow-up.png" : `test-results/call-follow-up-${locale}.png` });
    await page.context().close();

    const unit = await staffPage(browser, "operator", "handler", locale);
    const first = unit.getByTestId("inbox-row").first();
    await expect(first).toContainText(ticket.trackingNumber, { timeout: 15_000 });
    await expect(first.getByTestId("inbox-follow-up")).toContainText("已经一周了还是很吵");
    await first.click();
    await expect(unit.getByTestId("assignment-detail").getByTestId("timeline")).toContainText(locale === "en" ? "The citizen called to chase the request" : "市民来电催办");
    await expectAccessible(unit, `unit inbox with a chased ticket (${locale})`);
    if (locale === "zh-CN") {
      await unit.screenshot({ path: "../../apps/operator/docs/workbench-follow-up.png" });
    }
    await unit.context().close();
  });

  test(`the call form's draft comes back after a reload and goes on save (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const phone = `1357778880${n}`;
    const page = await staffPage(browser, "operator", "operator", locale);
    await page.keyboard.press("Alt+N");
    await expect(page.getByTestId("call-form")).toBeVisible();
    await fillCall(page, `夜间施工噪音扰民，草稿测试 ${locale}。`, phone);
    await page.reload();
    await page.getByRole("navigation").first().getByRole("link", { name: locale === "en" ? "Call" : "来电受理", exact: true }).click();
    await expect(page.getByTestId("call-draft-restored")).toBeVisible();
    await expect(page.locator("#call-description")).toHaveValue(`夜间施工噪音扰民，草稿测试 ${locale}。`);
    await expect(page.locator("#call-citizenName")).toHaveValue("孙先生");
    await expectAccessible(page, `restored draft (${locale})`);
    await page.screenshot({ path: locale === "zh-CN" ? "../../apps/operator/docs/call-draft-restored.png" : `test-results/call-draft-restored-${locale}.png` });
    await page.keyboard.press("Alt+S");
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await page.getByRole("navigation").first().getByRole("link", { name: locale === "en" ? "Call" : "来电受理", exact: true }).click();
    await expect(page.getByTestId("no-call")).toBeVisible();
    expect(await ticketsOf(request, phone)).toHaveLength(1);
    await page.context().close();
  });

  test(`a session that ends while a call is filled: sign in again in place, the same save goes through once (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const phone = `1358889990${n}`;
    const page = await staffPage(browser, "operator", "operator", locale);
    await page.keyboard.press("Alt+N");
    await fillCall(page, `会话过期测试：夜间噪音 ${locale}。`, phone);
    // The session ends on the server (as when it expires).
    const ended = await page.request.post("/graphql", { headers: { "content-type": "application/json" }, data: { query: "mutation { logout }" } });
    expect(ended.ok()).toBe(true);
    await page.locator("#call-description").focus();
    // Send to dispatch: saves the call (refused: signed out) and then dispatches it.
    await page.keyboard.press("Alt+S");
    const dialog = page.getByTestId("sign-in-again");
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("#call-description")).toHaveValue(`会话过期测试：夜间噪音 ${locale}。`);
    await expectAccessible(page, `sign-in-again dialog (${locale})`);
    await page.screenshot({ path: locale === "zh-CN" ? "../../apps/operator/docs/session-expired.png" : `test-results/session-expired-dialog-${locale}.png` });
    await dialog.locator("input").first().fill("operator");
    await dialog.locator("input[type=password]").fill(DEMO_PASSWORD);
    await dialog.getByTestId("login-submit").click();
    await expect(dialog).toHaveCount(0, { timeout: 15_000 });
    // The save that was refused waited for the sign-in and was sent again by itself: one ticket, no stale error.
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("call-errors")).toHaveCount(0);
    expect(await ticketsOf(request, phone)).toHaveLength(1);
    await page.context().close();
  });

  test(`the dispatcher's queue: filters, and a dispatch by Enter can be undone for a few seconds (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    await loggedTicket(request, `1359990000${n}`, `queue-${locale}`);
    const page = await staffPage(browser, "operator", "dispatcher", locale);
    await expect(page.getByTestId("dispatch-filters")).toBeVisible({ timeout: 15_000 });
    const row = page.getByTestId("dispatch-row").filter({ has: page.getByTestId("dispatch-row-submit") }).first();
    await expect(row).toBeVisible();
    const number = (await row.getAttribute("data-ticket-id")) ?? "";
    await row.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("dispatch-pending")).toBeVisible();
    await expectAccessible(page, `dispatch queue with a pending dispatch (${locale})`);
    if (locale === "zh-CN") {
      await page.screenshot({ path: "../../apps/operator/docs/dispatch-queue.png" });
    }
    await page.keyboard.press("Control+z");
    await expect(page.getByTestId("dispatch-status")).toContainText(locale === "en" ? "Cancelled" : "已撤销");
    await page.waitForTimeout(6000);
    await expect(page.locator(`[data-testid=dispatch-row][data-ticket-id="${number}"]`)).toHaveCount(1);
    await page.context().close();
  });
}
