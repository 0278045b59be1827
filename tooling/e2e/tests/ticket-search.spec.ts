import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { dispatchAndReply, gql, staffPage } from "./helpers/api.js";

/** A portal request in 张店区 in an urban-management category; answers its tracking number. */
async function submit(request: APIRequestContext, description: string, phone: string): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string; selectable: boolean }>; areas: Array<{ id: string; nameZh: string }> }>(
    request,
    "{ categories { id code selectable } areas { id nameZh } }",
  );
  const category = catalog.categories.find((candidate) => candidate.code.startsWith("URBAN.") && candidate.selectable)!;
  const data = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: category.id,
      description,
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区柳泉路 66 号",
      citizenName: "周先生",
      phone,
    },
  });
  return data.submitRequest.trackingNumber;
}

const TEXT = {
  "zh-CN": { nav: "工单查询", title: "工单查询", export: "导出 CSV", header: "工单编号,标题,状态", replied: "已答复", empty: "没有符合条件的工单" },
  en: { nav: "Find tickets", title: "Find tickets", export: "Export CSV", header: "Tracking number,Title,Status", replied: "Department replied", empty: "No ticket matches" },
} as const;

let urbanTicket = "";

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  urbanTicket = await submit(request, "柳泉路人行道井盖缺失，晚上很危险，请尽快补装。", "13855556666");
  await dispatchAndReply(request, urbanTicket, { unitCode: "BUR-URBAN", handler: "handler.urban", replyText: "已补装井盖并设置警示标志。" });
});

for (const locale of ["zh-CN", "en"] as const) {
  const text = TEXT[locale];

  test(`a supervisor finds a ticket by its tracking number, filters and exports (${locale})`, async ({ browser }) => {
    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.locator("button.nav-menu__button", { hasText: locale === "en" ? "Supervision" : "督办" }).click();
    await page.getByRole("link", { name: text.nav }).click();
    await expect(page).toHaveURL(/\/supervisor\/tickets\/search$/);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
    await expect(page.getByTestId("ticket-search-table")).toBeVisible();
    await expectAccessible(page, `ticket search (${locale})`);

    // filters: words, a status and a date range; the ticket is in the result with its phone masked
    await page.getByTestId("ticket-search-filters").click();
    await page.getByTestId("ticket-search-box").fill("井盖缺失");
    await page.getByTestId("ticket-search-status").selectOption("REPLIED");
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
    await page.getByTestId("ticket-search-received-from").fill(today);
    await page.getByTestId("ticket-search-apply").click();
    const row = page.getByTestId(`ticket-search-row-${urbanTicket}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(text.replied);
    await expect(row).toContainText("138****6666");
    await expect(page.getByTestId("ticket-search-count")).toBeVisible();

    if (locale === "zh-CN") {
      await page.getByTestId("ticket-search-filters").click(); // folded: the result is in view
      await expect(page.getByTestId("ticket-search-status")).toBeHidden();
      const file = path.resolve(import.meta.dirname, "../../../apps/supervisor/docs/ticket-search.png");
      mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: false });
      await page.getByTestId("ticket-search-filters").click();
    }

    // a range that ends before it starts is refused on the page, and nothing is searched
    await page.getByTestId("ticket-search-received-to").fill("2020-01-01");
    await page.getByTestId("ticket-search-apply").click();
    await expect(page.getByRole("alert").filter({ hasText: locale === "en" ? "The end is before the start." : "结束时间早于开始时间。" })).toBeVisible();
    await page.getByTestId("ticket-search-received-to").fill("");

    // nothing matches: the empty state says what to do
    await page.getByTestId("ticket-search-returned").check();
    await page.getByTestId("ticket-search-apply").click();
    await expect(page.getByTestId("ticket-search-empty")).toContainText(text.empty);
    await expectAccessible(page, `ticket search, empty (${locale})`);
    await page.getByTestId("ticket-search-returned").uncheck();
    await page.getByTestId("ticket-search-apply").click();
    await expect(page.getByTestId(`ticket-search-row-${urbanTicket}`)).toBeVisible();

    // the export holds what the list shows: BOM, the list's columns, the phone masked
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ticket-search-export").click()]);
    expect(await download.failure()).toBeNull();
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith(text.header)).toBe(true);
    expect(csv).toContain(urbanTicket);
    expect(csv).toContain("138****6666");
    expect(csv).not.toContain("13855556666");

    // a whole tracking number typed in the box opens the ticket page (keyboard only)
    await page.keyboard.press("Escape");
    await page.locator("body").press("/");
    await expect(page.getByTestId("ticket-search-box")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(urbanTicket.toLowerCase());
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/supervisor/tickets/${urbanTicket}$`));
    await page.context().close();
  });
}

test("a handler searches in the operator console and sees only the unit's tickets", async ({ browser }) => {
  const urban = await staffPage(browser, "operator", "handler.urban", "zh-CN");
  await urban.goto("/operator/tickets/search");
  await urban.getByTestId("ticket-search-box").fill(urbanTicket.slice(-5));
  await urban.getByTestId("ticket-search-submit").click();
  await expect(urban.getByTestId(`ticket-search-row-${urbanTicket}`)).toBeVisible();
  await expectAccessible(urban, "ticket search in the operator console (handler)");
  await urban.context().close();

  const education = await staffPage(browser, "operator", "handler", "en");
  await education.goto("/operator/tickets/search");
  await education.getByTestId("ticket-search-filters").click();
  await education.getByTestId("ticket-search-tracking").fill(urbanTicket);
  await education.getByTestId("ticket-search-apply").click();
  await expect(education.getByTestId("ticket-search-empty")).toBeVisible();
  await education.context().close();
});

test("a call-taker finds a caller's tickets by phone in the console, in full (en)", async ({ browser }) => {
  const page = await staffPage(browser, "operator", "operator", "en");
  await page.getByRole("link", { name: "Find tickets" }).click();
  await expect(page).toHaveURL(/\/operator\/tickets\/search$/);
  await page.getByTestId("ticket-search-filters").click();
  await page.getByTestId("ticket-search-phone").fill("138 5555 6666");
  await page.getByTestId("ticket-search-apply").click();
  await expect(page.getByTestId(`ticket-search-row-${urbanTicket}`)).toContainText("13855556666");
  await expectAccessible(page, "ticket search in the operator console (call-taker, en)");
  await page.screenshot({ path: "test-results/ticket-search-operator-en.png" });
  await page.context().close();
});
