import { expect, test, type Page } from "@playwright/test";
import { codeIn, devSms, nextSms } from "./helpers/citizen.js";

type Lang = "en" | "zh-CN";

const copy: Record<Lang, { locale: string; submitted: RegExp; received: RegExp }> = {
  en: { locale: "en-US", submitted: /received/i, received: /received/i },
  "zh-CN": { locale: "zh-CN", submitted: /受理|收到|已提交/, received: /受理|已接收|收到/ },
};

async function submitOnPortal(page: Page, description: string, phone: string): Promise<string> {
  await page.goto("/portal/");
  await page.getByTestId("home-submit").click();
  const form = page.getByTestId("submit-form");
  await expect(form).toBeVisible();
  await page.locator("#submit-requestType").selectOption("COMPLAINT");
  // The category picker is a search box: open its list and take the first category.
  const category = page.locator("#submit-categoryId");
  await expect(category).toBeEnabled();
  await category.press("ArrowDown");
  await category.press("Enter");
  await page.locator("#submit-description").fill(description);
  const district = page.locator("#submit-districtId");
  await expect(district.locator("option").nth(1)).toBeAttached();
  await district.selectOption({ index: 1 });
  const township = page.locator("#submit-townshipId");
  await expect(township.locator("option").nth(1)).toBeAttached();
  await township.selectOption({ index: 1 });
  await page.locator("#submit-address").fill("共青团西路 88 号");
  await page.locator("#submit-citizenName").fill("王先生");
  await page.locator("#submit-phone").fill(phone);
  await page.getByTestId("submit-request").click();
  const number = page.getByTestId("tracking-number");
  await expect(number).toHaveText(/ZB-\d{8}-\d{5}/);
  return (await number.textContent())!.trim();
}

async function logInToOperator(page: Page): Promise<void> {
  await page.goto("/operator/");
  await page.locator("[data-testid=login-form] input").first().fill("operator");
  await page.locator("[data-testid=login-form] input[type=password]").fill("civicline-demo");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("queue")).toBeVisible();
}

for (const lang of ["en", "zh-CN"] as const) {
  test(`portal submit → operator sees it live → citizen tracks it (${lang})`, async ({ browser, request }) => {
    const operatorContext = await browser.newContext({ locale: copy[lang].locale });
    const citizenContext = await browser.newContext({ locale: copy[lang].locale, viewport: { width: 360, height: 780 } });
    const operator = await operatorContext.newPage();
    const citizen = await citizenContext.newPage();

    await logInToOperator(operator);
    await expect(operator.locator("html")).toHaveAttribute("lang", lang);
    const countBefore = Number((await operator.getByTestId("queue-count").textContent())?.replace(/\D/g, "") || "0");

    const phone = lang === "en" ? "13811110001" : "13811110002";
    const description = lang === "en" ? "Construction noise after 11 pm every night next door." : "隔壁工地每晚十一点后施工噪音扰民，严重影响休息。";
    const trackingNumber = await submitOnPortal(citizen, description, phone);

    // The operator's queue shows the new ticket without a reload.
    const row = operator.getByTestId("queue-row").filter({ hasText: trackingNumber });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(operator.getByTestId("queue-count")).toHaveText(new RegExp(String(countBefore + 1)));

    // The citizen tracks it with the number, the phone and the code texted to it.
    await citizen.goto(`/portal/track?n=${encodeURIComponent(trackingNumber)}`);
    await citizen.locator("#track-phone").fill(phone);
    await citizen.getByTestId("track-submit").click();
    await expect(citizen.getByTestId("code-form")).toBeVisible();
    await citizen.getByTestId("code-input").fill(codeIn((await nextSms(request, phone, "tracking-code")).text));
    await citizen.getByTestId("code-submit").click();
    const result = citizen.getByTestId("track-result");
    await expect(result).toBeVisible();
    await expect(result).toContainText(trackingNumber);
    await expect(citizen.getByTestId("timeline")).toContainText(copy[lang].received);

    // A wrong phone gets the same answer, and no code is texted to it (after closing the request,
    // which forgets the access this tab keeps for a reload).
    await citizen.getByTestId("track-close").click();
    await citizen.goto(`/portal/track?n=${encodeURIComponent(trackingNumber)}`);
    await citizen.locator("#track-phone").fill("13999999999");
    await citizen.getByTestId("track-submit").click();
    await expect(citizen.getByTestId("code-form")).toBeVisible();
    expect(await devSms(request, "13999999999")).toEqual([]);

    await operatorContext.close();
    await citizenContext.close();
  });
}

test("the language can be switched and the choice is kept", async ({ page }) => {
  await page.goto("/portal/");
  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
