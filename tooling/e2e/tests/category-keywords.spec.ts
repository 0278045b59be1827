import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage } from "./helpers/api.js";

/**
 * Issue 16: category keywords are editable with the category. An admin adds an everyday word to a
 * category in the supervisor app (zh-CN and en); the saved words come back from the API the call form
 * and the portal search; a word too long is refused on its field and nothing is stored; axe passes.
 */
const CODE = "URBAN.STREET_LIGHTING";

async function keywordsOf(request: Parameters<typeof gql>[0]): Promise<string[]> {
  const data = await gql<{ categories: Array<{ code: string; keywords: string[] }> }>(request, "{ categories { code keywords } }");
  return data.categories.find((category) => category.code === CODE)!.keywords;
}

for (const [lang, locale, title] of [
  ["zh-CN", "zh-CN", "分类关键词"],
  ["en", "en", "Category keywords"],
] as const) {
  test(`an admin adds an everyday word to a category (${lang})`, async ({ browser, request }) => {
    const admin = await staffPage(browser, "supervisor", "admin", locale);
    await admin.goto("/supervisor/catalog/keywords");
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(title);
    await admin.getByTestId("keywords-filter").fill(CODE);
    const row = admin.getByTestId("keyword-row").filter({ hasText: CODE });
    await expect(row).toHaveCount(1);
    await expectAccessible(admin, `category keywords (${lang})`);

    const before = await keywordsOf(request);
    const word = lang === "en" ? "lights off e2e" : "黑灯瞎火e2e";
    const input = row.getByTestId("keywords-input");

    // A word over 30 characters is refused on the field; nothing is stored.
    await input.fill([...before, "很".repeat(31)].join("、"));
    await row.getByTestId("keywords-save").click();
    await expect(row.getByRole("alert").first()).toBeVisible();
    expect(await keywordsOf(request)).toEqual(before);

    await input.fill([...before, word].join("、"));
    await row.getByTestId("keywords-save").click();
    await expect(row.locator(".alert, [role=status]").filter({ hasText: String(before.length + 1) })).toBeVisible();
    await expect.poll(() => keywordsOf(request)).toEqual([...before, word]);
    await expectAccessible(admin, `category keywords saved (${lang})`);
    await admin.context().close();
  });
}
