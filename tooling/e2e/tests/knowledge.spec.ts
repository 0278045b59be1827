import { expect, test } from "@playwright/test";
import { staffPage } from "./helpers/api.js";

for (const lang of ["zh-CN", "en"] as const) {
  const locale = lang === "en" ? "en-US" : "zh-CN";

  test(`a call-taker finds 噪音 articles with highlights as they type (${lang})`, async ({ browser }) => {
    const page = await staffPage(browser, "operator", "operator", locale);
    await page.goto("/operator/knowledge");
    await page.getByTestId("kb-search-input").pressSequentially("噪音", { delay: 50 });
    const hit = page.getByTestId("kb-hit").first();
    await expect(hit).toBeVisible({ timeout: 10_000 });
    await expect(hit.locator("mark").first()).toContainText(/噪|音/);
    await page.screenshot({ path: `test-results/kb-side-panel-${lang}.png` });
    await page.context().close();
  });

  test(`an editor submits an article, another person publishes it, a citizen finds it (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const marker = `qz${lang === "en" ? "en" : "zh"}${Date.now().toString(36)}`;
    const title = `共享单车乱停放的处理办法 ${marker}`;

    // The editor (a supervisor) writes and submits it.
    const editor = await staffPage(browser, "supervisor", "supervisor", locale);
    await editor.goto("/supervisor/knowledge/articles/new");
    await editor.locator("#kb-title").fill(title);
    await editor.locator("#kb-summary").fill("共享单车乱停放可拨打 12345 或通过平台反映，由城管部门督促企业清理。");
    await editor.locator("#kb-body").fill("## 处理方式\n\n1. 拨打 12345 反映具体位置。\n2. 城市管理部门通知运营企业 2 小时内清理。");
    await editor.getByTestId("kb-category-options").locator("input[type=checkbox]").first().check();
    await editor.locator("#kb-audience").selectOption("PUBLIC");
    await editor.getByTestId("kb-submit-review").click();
    await expect(editor.getByTestId("kb-editor-feedback")).toBeVisible({ timeout: 10_000 });

    // The author may not review it; a different person (the admin) publishes it.
    const reviewer = await staffPage(browser, "supervisor", "admin", locale);
    await reviewer.goto("/supervisor/knowledge/review");
    const item = reviewer.getByTestId("kb-review-item").filter({ hasText: marker });
    await expect(item).toBeVisible({ timeout: 10_000 });
    await item.locator("button").first().click();
    await reviewer.getByTestId("kb-approve").click();
    await expect(reviewer.getByTestId("kb-review-item").filter({ hasText: marker })).toHaveCount(0, { timeout: 10_000 });

    // A citizen finds it on the portal.
    const citizenContext = await browser.newContext({ locale, viewport: { width: 360, height: 780 } });
    const citizen = await citizenContext.newPage();
    await citizen.goto("/portal/faq");
    await citizen.getByTestId("portal-kb-search").fill(marker);
    await citizen.getByTestId("portal-kb-search").press("Enter");
    const hit = citizen.getByTestId("portal-kb-hit").filter({ hasText: marker });
    await expect(hit).toBeVisible({ timeout: 10_000 });
    await hit.getByRole("link").first().click();
    await expect(citizen.getByTestId("portal-article")).toContainText("共享单车");
    await editor.context().close();
    await reviewer.context().close();
    await citizenContext.close();
  });
}
