import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";
import { watchSubscriptions } from "./helpers/live.js";

type Catalog = { categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> };

/** A call logged by the call-taker through the API (a noise complaint in 张店区). */
async function logCall(request: APIRequestContext, marker: string): Promise<string> {
  const operator = await staffToken(request, "operator");
  const catalog = await gql<Catalog>(request, "{ categories { id code } areas { id nameZh } }");
  const data = await gql<{ logCall: { trackingNumber: string } }>(
    request,
    "mutation($input: LogCallInput!) { logCall(input: $input) { trackingNumber } }",
    {
      input: {
        requestType: "COMPLAINT",
        urgency: "NORMAL",
        categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE")!.id,
        description: `夜间施工噪音扰民。${marker}`,
        districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 66 号",
        citizenName: "陈先生",
        phone: "13822223333",
      },
    },
    operator,
  );
  return data.logCall.trackingNumber;
}

const WORDS = {
  "zh-CN": { title: "热线数据", byCategory: "按分类", showTable: "以表格显示", wall: "12345 热线 · 今日", received: "今日受理", live: "实时", reconnecting: "连接中断" },
  en: { title: "Hotline figures", byCategory: "By category", showTable: "Show as table", wall: "12345 Hotline — today", received: "Received today", live: "Live", reconnecting: "Connection lost" },
} as const;

/** The number a wall tile shows, digits only (1,234 → 1234). */
async function wallNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(`${testId}-value`).innerText()).replace(/[^\d]/g, ""));
}

for (const locale of ["zh-CN", "en"] as const) {
  const words = WORDS[locale];

  test(`the dashboard shows figures and charts, and a bar opens the tickets behind it (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    await logCall(request, `dashboard-${locale}`);
    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.goto("/supervisor/measures");
    await expect(page.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
    await expect(page.getByTestId("dash-figures")).toBeVisible();
    const volume = Number((await page.getByTestId("dash-value-volume").innerText()).replace(/[^\d]/g, ""));
    expect(volume).toBeGreaterThan(0);
    // The charts are drawn (ECharts, SVG) and each has its data as a table for screen readers.
    const category = page.getByTestId("dash-by-category");
    await expect(category.getByRole("heading", { name: words.byCategory })).toBeVisible();
    await expect(category.locator("svg path[fill='#0b57a4']").first()).toBeVisible({ timeout: 20_000 });
    await expect(category.getByTestId("dash-by-category-table").locator("tbody tr").first()).toBeAttached();
    await expect(page.getByTestId("dash-trend").locator("svg").first()).toBeVisible();
    // The ranking of the same period and this week's hot issues are embedded (H2's summaries).
    await expect(page.getByTestId("dash-ranking").getByRole("heading", { level: 2 })).toBeVisible();
    await expect(page.getByTestId("dash-hot").getByRole("heading", { level: 2 })).toBeVisible();
    await expectAccessible(page, `measures dashboard (${locale})`);
    await category.getByRole("button", { name: words.showTable }).click();
    await expect(category.getByTestId("dash-by-category-table")).toBeVisible();
    await expectAccessible(page, `measures dashboard with a data table shown (${locale})`);
    if (locale === "zh-CN") {
      await page.getByTestId("dash-trend").scrollIntoViewIfNeeded();
      await page.screenshot({ path: "../../apps/supervisor/docs/measures-dashboard.png", fullPage: true });
    }

    // A year instead of this month: the address keeps it, so Back from a drill-down returns to it.
    await page.getByTestId("dash-period-kind").selectOption("year");
    await page.getByTestId("dash-period-apply").click();
    await expect(page).toHaveURL(/measures\?period=year/);
    const showing = page.getByTestId("dash-showing");
    await expect(showing).toContainText(locale === "en" ? "Jan 1, 2026" : "2026年1月1日");
    const yearText = await showing.innerText();

    // The first bar (the most tickets) and its count in the table.
    const firstRow = category.getByTestId("dash-by-category-table").locator("tbody tr").first();
    const barCount = Number((await firstRow.locator("td").first().innerText()).replace(/[^\d]/g, ""));
    expect(barCount).toBeGreaterThan(0);
    await category.getByRole("button", { name: words.showTable }).or(category.locator("button[aria-expanded=true]")).first().click();
    const bar = category.locator("svg path[fill='#0b57a4']").first();
    await bar.click();
    await expect(page).toHaveURL(/\/supervisor\/tickets\/search\?.*measure=RECEIVED/);
    await expect(page).toHaveURL(/categoryId=/);
    await expect(page.getByTestId("ticket-search-measure")).toBeVisible();
    await expect(page.getByTestId("ticket-search-count")).toContainText(String(barCount));
    await expectAccessible(page, `ticket search opened from a bar (${locale})`);
    await page.goBack();
    await expect(page.getByTestId("dash-showing")).toHaveText(yearText);
    await page.context().close();
  });

  test(`the wallboard updates by itself when a ticket is received, and again after its socket drops (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const page = await staffPage(browser, "supervisor", "supervisor", locale, { width: 1920, height: 1080 });
    const subscriptions = watchSubscriptions(page);
    // The wall's socket goes through a route that can cut it, as a network drop or a server restart would.
    const sockets: Array<{ close: (options?: { code?: number; reason?: string }) => Promise<void> }> = [];
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      socket.connectToServer();
      sockets.push(socket);
    });
    await page.goto("/supervisor/wall");
    await expect(page.getByRole("heading", { level: 1, name: words.wall })).toBeVisible();
    await expect.poll(() => subscriptions.sent("WallboardChanged"), { timeout: 15_000 }).toBe(true);
    await expect(page.getByTestId("wall-status")).toContainText(words.live);
    const before = await wallNumber(page, "wall-received");

    await logCall(request, `wall-${locale}`);
    await expect.poll(() => wallNumber(page, "wall-received"), { timeout: 15_000 }).toBe(before + 1);
    await expectAccessible(page, `wallboard (${locale})`);
    if (locale === "zh-CN") {
      await page.screenshot({ path: "../../apps/supervisor/docs/measures-wallboard.png" });
    }

    // The connection drops (1012: service restart): the wall says so, reconnects by itself and catches up.
    const opened = sockets.length;
    await sockets[sockets.length - 1]!.close({ code: 1012, reason: "server restart" });
    await expect.poll(() => sockets.length, { timeout: 20_000 }).toBeGreaterThan(opened);
    await expect(page.getByTestId("wall-status")).toContainText(words.live, { timeout: 20_000 });
    const after = await wallNumber(page, "wall-received");
    await logCall(request, `wall-again-${locale}`);
    await expect.poll(() => wallNumber(page, "wall-received"), { timeout: 15_000 }).toBe(after + 1);
    await page.context().close();
  });
}

/**
 * The page fits the desk: its content never wider than the screen; with `header`, from 1440 px (the
 * house's header check) also no sideways scrolling at all and a one-line header.
 */
async function expectFits(page: Page, where: string, width: number, header: boolean): Promise<void> {
  const fit = await page.evaluate(() => {
    const header = document.querySelector(".app-header")!.getBoundingClientRect();
    const items = Array.from(document.querySelectorAll(".app-header__brand, .app-header__nav li, .app-header__tools > *")).map((child) => child.getBoundingClientRect()).filter((rect) => rect.height > 0);
    const content = Array.from(document.querySelectorAll("#main *")).map((element) => element.getBoundingClientRect().right);
    return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, contentRight: Math.max(...content), height: header.height, tops: items.map((rect) => Math.round(rect.top + rect.height / 2)), right: Math.max(...items.map((rect) => rect.right)) };
  });
  expect(fit.contentRight, `${where}: the dashboard wider than the screen`).toBeLessThanOrEqual(fit.client);
  if (header && width >= 1440) {
    expect(fit.scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(fit.client);
    expect(fit.height, `${where}: header height`).toBeLessThan(80);
    expect(Math.max(...fit.tops) - Math.min(...fit.tops), `${where}: header on one line`).toBeLessThan(12);
    expect(fit.right, `${where}: header inside the screen`).toBeLessThanOrEqual(width);
  }
}

test("the dashboard fits desks from 1366 to 1920 px in both languages (supervisors: one-line header from 1440 px)", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const locale of ["zh-CN", "en"] as const) {
    for (const user of ["supervisor", "admin"]) {
      const page = await staffPage(browser, "supervisor", user, locale, { width: 1366, height: 900 });
      await page.goto("/supervisor/measures");
      await expect(page.getByTestId("dash-by-category").locator("svg").first()).toBeVisible({ timeout: 20_000 });
      for (const width of [1366, 1440, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(width);
        // The admin's header holds every admin menu too: the house's daily-layout spec checks it.
        await expectFits(page, `${user} ${width} (${locale})`, width, user !== "admin");
      }
      await page.context().close();
    }
  }
});

test("handlers are not offered the dashboard or the wall, and the API refuses them", async ({ browser, request }) => {
  const handler = await staffToken(request, "handler");
  const response = await request.post("/graphql", { headers: { authorization: `Bearer ${handler}`, "content-type": "application/json" }, data: { query: "{ wallboard { received } }" } });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  const page = await staffPage(browser, "supervisor", "handler", "zh-CN");
  await page.goto("/supervisor/wall");
  await expect(page.getByTestId("wall-forbidden")).toBeVisible();
  await page.context().close();
});
