import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/**
 * Issue 18 in a real browser: a change to a published answer is reviewed before call-takers answer
 * from it, and an expiring article's owner is told in the header's notification bell.
 */

/** Publishes an article through the API (the supervisor writes, the admin approves); answers its id. */
async function publishedArticle(page: Page, title: string, body: string): Promise<string> {
  const supervisor = await staffToken(page.request, "supervisor");
  const admin = await staffToken(page.request, "admin");
  const lookup = await gql<{ categories: Array<{ id: string; code: string }>; units: Array<{ id: string; code: string }> }>(page.request, "{ categories { id code } units { id code } }", {}, supervisor);
  const input = {
    title,
    summary: "夜间施工噪音可向城管部门反映。",
    body,
    categoryIds: [lookup.categories.find((c) => c.code === "URBAN.NOISE")!.id],
    keywords: ["夜间施工"],
    owningUnitId: lookup.units.find((u) => u.code === "BUR-URBAN")!.id,
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
  };
  type Saved = { id: string; lockVersion: number };
  const { createArticle } = await gql<{ createArticle: Saved }>(page.request, "mutation($i: ArticleInput!) { createArticle(input: $i) { id lockVersion } }", { i: input }, supervisor);
  const { submitArticleForReview } = await gql<{ submitArticleForReview: Saved }>(
    page.request,
    "mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { id lockVersion } }",
    { id: createArticle.id, v: createArticle.lockVersion },
    supervisor,
  );
  await gql(page.request, "mutation($id: ID!, $v: Int!) { reviewArticle(id: $id, lockVersion: $v, decision: APPROVE) { id } }", { id: createArticle.id, v: submitArticleForReview.lockVersion }, admin);
  return createArticle.id;
}

/** What the call-taker's knowledge panel shows for the article found by `marker`. */
async function callTakerReads(page: Page, marker: string): Promise<string> {
  await page.goto("/operator/knowledge");
  await page.getByTestId("kb-search-input").fill(marker);
  const hit = page.getByTestId("kb-hit").filter({ hasText: marker });
  await expect(hit).toBeVisible({ timeout: 10_000 });
  await hit.click();
  const article = page.getByTestId("kb-open-article");
  await expect(article).toContainText(marker);
  // The Markdown renderer is a chunk of its own: the body reads "loading" until it has come.
  await expect(article.locator("[aria-busy=true]")).toHaveCount(0);
  return (await article.textContent()) ?? "";
}

for (const lang of ["zh-CN", "en"] as const) {
  const locale = lang === "en" ? "en-US" : "zh-CN";

  test(`an editor changes a published answer; call-takers keep the old one until a reviewer approves (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const marker = `chg${lang === "en" ? "en" : "zh"}${Date.now().toString(36)}`;
    const callTaker = await staffPage(browser, "operator", "operator", locale);
    const id = await publishedArticle(callTaker, `夜间施工噪音的投诉办法 ${marker}`, "旧答复：请在工作日联系城管局。");

    // The editor changes the published article: a draft of version 2, the published one stays in force.
    const editor = await staffPage(browser, "supervisor", "supervisor", locale);
    await editor.goto(`/supervisor/knowledge/articles/${id}`);
    await editor.locator("#kb-body").fill("新答复：可全天拨打 12345 反映。");
    await editor.getByTestId("kb-save").click();
    const change = editor.getByTestId("kb-pending-change");
    await expect(change).toHaveAttribute("data-state", "DRAFT");
    await expect(change.getByTestId("kb-diff-body")).toContainText("12345");
    await expectAccessible(editor, `editor with a change under way (${lang})`);
    await editor.getByTestId("kb-submit-review").click();
    await expect(editor.getByTestId("kb-pending-change")).toHaveAttribute("data-state", "IN_REVIEW");

    // The call-taker still reads the version in force.
    const before = await callTakerReads(callTaker, marker);
    expect(before).toContain("旧答复");
    expect(before).not.toContain("新答复");

    // Another person (the admin) reviews the change against the version in force and approves it.
    const reviewer = await staffPage(browser, "supervisor", "admin", locale);
    await reviewer.goto("/supervisor/knowledge/review");
    const item = reviewer.getByTestId("kb-review-item").filter({ hasText: marker });
    await expect(item).toBeVisible({ timeout: 10_000 });
    await item.locator("button").first().click();
    await expect(reviewer.getByTestId("kb-review-change")).toBeVisible();
    await expect(reviewer.getByTestId("kb-diff-body")).toContainText("12345");
    await expectAccessible(reviewer, `review of a change (${lang})`);
    await reviewer.getByTestId("kb-approve").click();
    await expect(reviewer.getByTestId("kb-review-item").filter({ hasText: marker })).toHaveCount(0, { timeout: 10_000 });

    // Now the call-taker reads the new answer.
    const after = await callTakerReads(callTaker, marker);
    expect(after).toContain("新答复");
    expect(after).not.toContain("旧答复");
    for (const page of [callTaker, editor, reviewer]) {
      await page.context().close();
    }
  });

  test(`the owner of an article about to expire sees it in the notification bell (${lang})`, async ({ browser }) => {
    // The demo article expiring in 3 working days is warned by the expiry job (checked at least every minute).
    test.setTimeout(150_000);
    const owner = await staffPage(browser, "supervisor", "supervisor", locale);
    // The bell is in every page's header; on the overview, the latest-tickets table
    // scrolls sideways inside a named region the keyboard can reach (axe scrollable-region-focusable).
    await owner.goto("/supervisor/overview");
    const scroller = owner.getByTestId("recent-tickets").locator("xpath=..");
    await expect(scroller).toHaveAttribute("tabindex", "0");
    await expect(scroller).toHaveAccessibleName(lang === "en" ? "Latest tickets in the queue" : "最新待办工单");
    await expectAccessible(owner, `supervisor overview (${lang})`);
    const bell = owner.getByTestId("notify-bell");
    await expect(owner.getByTestId("notify-count")).toBeVisible({ timeout: 120_000 });
    await bell.click();
    const expiring = owner.getByTestId("notify-item").and(owner.locator('[data-kind="knowledge.article_expiring"]'));
    await expect(expiring.first()).toContainText("2026年度困难家庭供暖补贴申报", { timeout: 100_000 });
    await expect(expiring.first()).toContainText(lang === "en" ? "expires on" : "到期");
    await expectAccessible(owner, `notification list on the overview (${lang})`);
    await owner.context().close();
  });
}
