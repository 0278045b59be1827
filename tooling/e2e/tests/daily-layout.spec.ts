import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { dispatchAndReply, gql, staffPage, staffToken } from "./helpers/api.js";

/**
 * Issue 16, layout: the supervisor app at 1440 px in zh-CN and en — no page scrolls sideways, the
 * header is one line, the dispatch catalogue fits with compact rows and filters, the re-report list's
 * comment stays in its column, the calendar has a month view, callback limits are in hours/days.
 */
const DESK = { width: 1440, height: 900 };
const PAGES = ["overview", "chasing", "orders", "joint", "leader/sessions", "callback/re-reports", "callback/settings", "routing/extensions", "routing/rules", "routing/units", "routing/calendar", "knowledge/review", "knowledge/stats"];
const LONG_COMMENT =
  "学校只是口头批评，孩子仍然每天被同班同学欺负，放学路上也被拦住要钱，老师说没有证据不好处理，希望教育局派人到学校调查，并给我们一个书面答复。We were promised a written answer and never got one.";

/** A re-report proposal with a long comment: a replied ticket whose callback finds the citizen very dissatisfied. */
async function proposalWithLongComment(request: APIRequestContext): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((category) => category.code === "EDU.BULLYING")!.id,
      description: "孩子在学校多次被同学欺负，请教育部门调查。e2e-layout",
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区华光路 12 号",
      citizenName: "孙女士",
      phone: "13822224444",
    },
  });
  const trackingNumber = submitted.submitRequest.trackingNumber;
  await dispatchAndReply(request, trackingNumber, { unitCode: "BUR-EDU", handler: "handler", replyText: "经调查，学校已对涉事学生批评教育。" });
  const agent = await staffToken(request, "callback");
  let taskId: string | undefined;
  await expect
    .poll(async () => {
      const data = await gql<{ callbackQueue: { items: Array<{ id: string; ticket: { trackingNumber: string } }> } }>(
        request,
        "{ callbackQueue(filter: { kinds: [REPLY] }, limit: 200) { items { id ticket { trackingNumber } } } }",
        {},
        agent,
      );
      taskId = data.callbackQueue.items.find((task) => task.ticket.trackingNumber === trackingNumber)?.id;
      return Boolean(taskId);
    }, { timeout: 20_000 })
    .toBe(true);
  await gql(request, "mutation($id: ID!) { claimCallbackTask(id: $id) { id } }", { id: taskId }, agent);
  await gql(
    request,
    "mutation($i: CallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id } }",
    { i: { taskId, outcome: "REACHED", answers: { resolution: "UNRESOLVED", resultSatisfaction: "VERY_DISSATISFIED", processSatisfaction: "DISSATISFIED", reasonable: true, comment: LONG_COMMENT } } },
    agent,
  );
  return trackingNumber;
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(widths.client);
}

/** The header is one line: its height is that of one row of controls. */
async function expectOneLineHeader(page: Page, where: string): Promise<void> {
  const header = await page.locator(".app-header").evaluate((element) => {
    const box = element.getBoundingClientRect();
    const children = Array.from(element.querySelectorAll(".app-header__brand, .app-header__nav li, .app-header__tools > *")).map((child) => child.getBoundingClientRect()).filter((rect) => rect.height > 0);
    return { height: box.height, tops: children.map((rect) => Math.round(rect.top + rect.height / 2)), rights: children.map((rect) => rect.right) };
  });
  expect(header.height, `${where}: header height`).toBeLessThan(80);
  expect(Math.max(...header.tops) - Math.min(...header.tops), `${where}: header items on one line`).toBeLessThan(12);
  expect(Math.max(...header.rights), `${where}: header inside the screen`).toBeLessThanOrEqual(DESK.width);
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`${lang}: the supervisor pages at 1440 px — one-line header, no sideways scrolling`, async ({ browser }) => {
    test.setTimeout(240_000);
    for (const user of ["supervisor", "admin"]) {
      const page = await staffPage(browser, "supervisor", user, lang, DESK);
      for (const path of PAGES) {
        await page.goto(`/supervisor/${path}`);
        await expect(page.locator("#main")).toBeVisible({ timeout: 30_000 });
        await expect(page.locator("#main .loading")).toHaveCount(0, { timeout: 30_000 });
        await page.waitForTimeout(300);
        await expectNoSidewaysScroll(page, `${user} ${path} (${lang})`);
        await expectOneLineHeader(page, `${user} ${path} (${lang})`);
      }
      // The grouped nav: a menu opens by keyboard and leads to its page.
      const dispatchMenu = page.locator(".nav-menu__button", { hasText: lang === "en" ? "Dispatch" : "派单" });
      await dispatchMenu.focus();
      await page.keyboard.press("Enter");
      await expect(dispatchMenu).toHaveAttribute("aria-expanded", "true");
      await page.getByRole("link", { name: lang === "en" ? "Dispatch catalogue" : "派单目录" }).click();
      await expect(page).toHaveURL(/routing\/rules$/);
      await page.context().close();
    }
  });

  test(`${lang}: the dispatch catalogue fits 1440 px with compact rows and filters`, async ({ browser }) => {
    const page = await staffPage(browser, "supervisor", "admin", lang, DESK);
    await page.goto("/supervisor/routing/rules");
    const rows = page.getByTestId("dispatch-rule");
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const total = await rows.count();
    expect(total).toBeGreaterThan(50);
    const heights = await rows.evaluateAll((all) => all.map((row) => row.getBoundingClientRect().height).sort((a, b) => a - b));
    expect(heights[Math.floor(heights.length / 2)], "median row height").toBeLessThanOrEqual(60);
    const edit = rows.first().getByTestId("rule-edit");
    const box = (await edit.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(DESK.width);
    await expectNoSidewaysScroll(page, "rules");
    // Filter by a unit, then a category: fewer rows, each matching.
    await page.locator("#rules-filter-unit").selectOption({ index: 1 });
    await expect.poll(() => rows.count()).toBeLessThan(total);
    const unitName = (await page.locator("#rules-filter-unit option:checked").textContent())!;
    for (const row of await rows.all()) {
      await expect(row).toContainText(unitName);
    }
    await page.locator("#rules-filter-unit").selectOption("");
    await page.locator("#rules-filter-category").selectOption({ index: 1 });
    await expect.poll(() => rows.count()).toBeLessThan(total);
    await expect(page.getByTestId("rules-count")).toContainText(String(total));
    await page.screenshot({ path: `test-results/daily-rules-${lang}.png` });
    await expectAccessible(page, `dispatch catalogue with a filter (${lang})`);
    await page.context().close();
  });

  test(`${lang}: the calendar's month view and callback limits in working hours or days`, async ({ browser }) => {
    const page = await staffPage(browser, "supervisor", "admin", lang, DESK);
    await page.goto("/supervisor/routing/calendar");
    const month = page.getByTestId("calendar-month-view");
    await expect(month.getByTestId("calendar-day-cell").first()).toBeVisible({ timeout: 30_000 });
    const cells = await month.getByTestId("calendar-day-cell").count();
    expect(cells).toBeGreaterThanOrEqual(28);
    // Saturdays and Sundays are off unless a make-up day: some days off in every month.
    expect(await month.locator("[data-working=false]").count()).toBeGreaterThan(3);
    await month.getByTestId("calendar-day-cell").nth(9).getByRole("button").click();
    await expect(page.getByTestId("calendar-day")).toHaveValue(/^\d{4}-\d{2}-10$/);
    await expectNoSidewaysScroll(page, "calendar");
    await page.screenshot({ path: `test-results/daily-calendar-${lang}.png` });
    await expectAccessible(page, `calendar month view (${lang})`);

    await page.goto("/supervisor/callback/settings");
    const unit = page.getByTestId("cb-setting-requestTypes.0.dueMinutes-unit");
    await expect(unit).toBeVisible();
    await expect(unit).toHaveValue(/^(hours|days)$/);
    await expect(page.getByTestId("callback-settings")).not.toContainText(lang === "en" ? "working minutes" : "工作分钟");
    await expectNoSidewaysScroll(page, "callback settings");
    await page.screenshot({ path: `test-results/daily-callback-settings-${lang}.png` });
    await expectAccessible(page, `callback settings in hours and days (${lang})`);
    await page.context().close();
  });
}

test("the re-report list keeps a long citizen comment inside its column at 1440 px", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const trackingNumber = await proposalWithLongComment(request);
  for (const lang of ["zh-CN", "en"] as const) {
    const page = await staffPage(browser, "supervisor", "supervisor", lang, DESK);
    await page.goto("/supervisor/callback/re-reports");
    const row = page.getByTestId("proposal-row").filter({ hasText: trackingNumber });
    await expect(row).toBeVisible({ timeout: 15_000 });
    const layout = await row.locator("td.proposal-comment").evaluate((cell) => {
      const next = cell.nextElementSibling as HTMLElement;
      return { right: cell.getBoundingClientRect().right, nextLeft: next.getBoundingClientRect().left, overflow: cell.scrollWidth - cell.clientWidth };
    });
    expect(layout.overflow, "comment overflows its cell").toBeLessThanOrEqual(1);
    expect(layout.right).toBeLessThanOrEqual(layout.nextLeft + 1);
    await expect(row.locator("td.proposal-comment")).toContainText("书面答复");
    await expectNoSidewaysScroll(page, "re-reports");
    await page.screenshot({ path: `test-results/daily-re-reports-${lang}.png` });
    await expectAccessible(page, `re-report list with a long comment (${lang})`);
    await page.context().close();
  }
});
