import { expect, test, type Page } from "@playwright/test";
import { staffPage } from "./helpers/api.js";

/** Records every Content-Security-Policy violation the page reports (from its first script on). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void (window as unknown as { reportCspViolation(text: string): Promise<void> }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

/** Opens each of the app's own navigation links and waits for the page to settle. */
async function visitNavigation(page: Page, app: string): Promise<number> {
  const links = await page.locator(`a[href^='/${app}/']`).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  const hrefs = [...new Set(links)].slice(0, 12);
  for (const href of hrefs) {
    await page.goto(href);
    await page.waitForLoadState("networkidle");
  }
  return hrefs.length;
}

test("the portal runs under its content security policy, photo previews included", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const violations = await watchViolations(page);
  const response = await page.goto("/portal/submit");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.locator("input[type=file]").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082", "hex"),
  });
  await expect(page.locator("img.photo-list__preview")).toHaveJSProperty("complete", true);
  await expect.poll(() => page.locator("img.photo-list__preview").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await visitNavigation(page, "portal");
  expect(violations).toEqual([]);
  await context.close();
});

for (const app of ["operator", "supervisor"] as const) {
  test(`the ${app} app runs under its content security policy, its live updates included`, async ({ browser }) => {
    const page = await staffPage(browser, app, app, "zh-CN");
    const violations = await watchViolations(page);
    const socket = page.waitForEvent("websocket");
    await page.goto(`/${app}/`);
    expect((await socket).url()).toMatch(/^ws:\/\/[^/]+\/graphql$/);
    expect(await visitNavigation(page, app)).toBeGreaterThan(1);
    expect(violations).toEqual([]);
    await page.context().close();
  });
}
