import { expect, test, type Page } from "@playwright/test";
import { pickInFocusedCombobox as pick } from "./helpers/combobox.js";
import { watchSubscriptions } from "./helpers/live.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto("/operator/");
  await page.locator("[data-testid=login-form] input").first().fill(username);
  await page.locator("[data-testid=login-form] input[type=password]").fill("civicline-demo");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("queue")).toBeVisible();
}

async function incomingCall(page: Page, callId: string, callerNumber: string): Promise<void> {
  const response = await page.request.post("/graphql", {
    headers: { "content-type": "application/json", "x-api-key": API_KEY },
    data: {
      query: "mutation($i: IncomingCallInput!) { incomingCall(input: $i) { callId } }",
      variables: { i: { callId, callerNumber, seat: "A01" } },
    },
  });
  expect((await response.json()).data.incomingCall.callId).toBe(callId);
}

/** Presses Tab (keyboard only) until the control with this id has the focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 25; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`call-taker console (${lang}): screen-pop, keyboard-only call, emergency hand-off, merge, direct answer`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ locale: lang === "en" ? "en-US" : "zh-CN", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    const kb = page.keyboard;
    const suffix = lang === "en" ? "1" : "2";
    const subscriptions = watchSubscriptions(page);
    await logIn(page, "operator");

    // 1. A call arrives: the caller's history pops before the call-taker says a word.
    await expect.poll(() => subscriptions.sent("ScreenPop"), { timeout: 15_000 }).toBe(true);
    await incomingCall(page, `cti-${lang}-1`, `1380013800${suffix}`);
    await expect(page.getByTestId("screen-pop")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("screen-pop")).toContainText(`1380013800${suffix}`);
    await page.screenshot({ path: `test-results/screen-pop-${lang}.png` });

    // 2. The call is logged with the keyboard alone and sent to dispatch.
    await kb.press("Alt+T");
    await expect(page.getByTestId("call-form")).toBeVisible();
    await expect(page.locator("#call-requestType")).toBeFocused();
    for (let i = 0; i < 3; i++) {
      await kb.press("ArrowDown");
    }
    await kb.press("Tab");
    await pick(page, "欺凌");
    await kb.press("Tab");
    await kb.type("淄博市实验小学");
    await kb.press("Tab");
    await kb.type("三年级二班");
    await kb.press("Tab");
    await pick(page, "张店");
    await kb.press("Tab");
    await pick(page, "马尚", "Tab");
    await kb.type("华光路 3 号");
    await kb.press("Tab");
    await kb.type("家长反映孩子在学校被同学欺负，要求学校调查处理。");
    await tabTo(page, "call-citizenName");
    await kb.type("王女士");
    await expect(page.locator("#call-phone")).toHaveValue(`1380013800${suffix}`);
    await page.screenshot({ path: `test-results/call-form-${lang}.png`, fullPage: true });
    await kb.press("Alt+S");
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("call-done-outcome")).toHaveText(/dispatch|派单|派/i);

    // 3. An emergency with a hand-off to 119.
    await kb.press("Alt+N");
    await expect(page.getByTestId("call-form")).toBeVisible();
    await expect(page.locator("#call-requestType")).toBeFocused();
    await kb.press("ArrowDown");
    await kb.press("ArrowDown");
    await kb.press("Tab");
    await pick(page, "SAFETY");
    await kb.press("Tab");
    await pick(page, "临淄");
    await page.locator("#call-address").focus();
    await kb.type("金岭回族镇化工厂");
    await kb.press("Tab");
    await kb.type("化工厂起火，有浓烟。");
    await page.locator("#call-citizenName").focus();
    await kb.type("李先生");
    await kb.press("Tab");
    await kb.type(`1390000111${suffix}`);
    await kb.press("Alt+E");
    await expect(page.getByTestId("emergency-checklist")).toBeVisible();
    await kb.press("Space");
    await kb.press("Tab");
    await kb.press("Space");
    await page.getByTestId("handoff-service").focus();
    await kb.press("ArrowDown");
    await kb.press("Tab");
    await kb.type(`F-2026-000${suffix}`);
    await kb.press("Tab");
    await kb.press("Enter");
    await expect(page.getByTestId("handoff-recorded")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("handoff-recorded")).toContainText("119");
    await kb.press("Alt+S");
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });

    // 4. A second caller about the same matter is merged into the first ticket.
    await kb.press("Alt+N");
    await expect(page.getByTestId("call-form")).toBeVisible();
    await expect(page.locator("#call-requestType")).toBeFocused();
    for (let i = 0; i < 3; i++) {
      await kb.press("ArrowDown");
    }
    await kb.press("Tab");
    await pick(page, "欺凌");
    await kb.press("Tab");
    await kb.type("淄博市实验小学");
    await kb.press("Tab");
    await kb.press("Tab");
    await pick(page, "张店");
    await kb.press("Tab");
    await kb.press("Tab");
    await kb.type("华光路 3 号");
    await kb.press("Tab");
    await kb.type("孩子在学校被同学欺负。");
    await page.locator("#call-citizenName").focus();
    await kb.type("赵女士");
    await kb.press("Tab");
    await kb.type(`1370000111${suffix}`);
    const candidate = page.getByTestId("duplicate-candidate").first();
    await expect(candidate).toBeVisible({ timeout: 15_000 });
    await candidate.getByTestId("merge-into").focus();
    await kb.press("Enter");
    await expect(page.getByTestId("merge-confirm")).toBeVisible();
    await kb.press("Enter");
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("call-done-outcome")).toHaveText(/merge|并单|合并/i);

    // 5. A question answered on the spot from a knowledge-base article.
    await kb.press("Alt+N");
    await expect(page.getByTestId("call-form")).toBeVisible();
    await expect(page.locator("#call-requestType")).toBeFocused();
    await kb.press("ArrowDown");
    await kb.press("Tab");
    await pick(page, "噪音");
    await page.locator("#call-districtId").focus();
    await pick(page, "张店");
    await kb.press("Tab");
    await kb.press("Tab");
    await kb.type("共青团西路 88 号");
    await kb.press("Tab");
    await kb.type("噪音 夜间施工");
    await page.locator("#call-citizenName").focus();
    await kb.type("孙先生");
    await kb.press("Tab");
    await kb.type(`1360000111${suffix}`);
    const hit = page.locator("[data-testid=kb-panel] [role=option]").first();
    await expect(hit).toBeVisible({ timeout: 15_000 });
    await expect(hit.locator("mark").first()).toBeVisible();
    await page.locator("[data-testid=kb-panel] [role=listbox]").focus();
    await kb.press("Enter");
    const use = page.locator("[data-testid=kb-panel] button").filter({ hasText: /Use this answer|采用/ }).first();
    await expect(use).toBeVisible();
    await use.focus();
    await kb.press("Enter");
    await page.locator("#call-answer").focus();
    await kb.type("已告知夜间施工噪音的投诉渠道和处理时限。");
    await kb.press("Alt+D");
    await expect(page.getByTestId("call-done")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("call-done-outcome")).toHaveText(/direct|直接答复|直办|答复/i);

    // 6. The emergency is at the top of the queue with an alert.
    await page.goto("/operator/");
    await expect(page.getByTestId("queue")).toBeVisible();
    await expect(page.getByTestId("emergency-alert")).toBeVisible({ timeout: 10_000 });
    await page.screenshot({ path: `test-results/queues-${lang}.png` });
    await context.close();
  });
}
