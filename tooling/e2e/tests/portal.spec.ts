import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { dispatchAndReply, gql, staffToken } from "./helpers/api.js";
import { codeIn, devSms, nextSms } from "./helpers/citizen.js";

const PHOTO = fileURLToPath(new URL("../fixtures/pothole.png", import.meta.url));
const PHONE_VIEWPORT = { width: 360, height: 740 };

type Lang = "en" | "zh-CN";
const words: Record<Lang, { locale: string; category: string; reply: RegExp; rated: RegExp; steps: RegExp }> = {
  en: { locale: "en-US", category: "bullying", reply: /Reply from the office/, rated: /Given online/, steps: /Replied \(current step\)/ },
  "zh-CN": { locale: "zh-CN", category: "欺凌", reply: /承办单位答复/, rated: /网上评价/, steps: /已答复 \(当前环节\)/ },
};

/** Fills the submit form as a citizen would, by keyboard where it matters (the category search). */
async function fillRequest(page: Page, lang: Lang, phone: string, description: string): Promise<void> {
  await page.locator("#submit-requestType").selectOption("COMPLAINT");
  const category = page.locator("#submit-categoryId");
  await expect(category).toBeEnabled();
  await category.fill(words[lang].category);
  await expect(page.locator("#submit-categoryId-listbox [role=option]").first()).toBeVisible();
  await category.press("Enter");
  await expect(category).toHaveAttribute("data-value", /.+/);
  await page.locator("#submit-description").fill(description);
  const district = page.locator("#submit-districtId");
  await expect(district.locator("option").nth(1)).toBeAttached();
  await district.selectOption({ index: 1 });
  const township = page.locator("#submit-townshipId");
  await expect(township.locator("option").nth(1)).toBeAttached();
  await township.selectOption({ index: 1 });
  await page.locator("#submit-address").fill("张店区共青团西路 88 号");
  await page.locator("#submit-citizenName").fill("王先生");
  await page.locator("#submit-phone").fill(phone);
}

/** Asks for a code on the track page and enters the one texted to `phone`. */
async function openWithCode(page: Page, request: APIRequestContext, phone: string, seenCodes: number, onCodeForm: () => Promise<void>): Promise<void> {
  await page.locator("#track-phone").fill(phone);
  await page.getByTestId("track-submit").click();
  await expect(page.getByTestId("code-form")).toBeVisible();
  await onCodeForm();
  const sms = await nextSms(request, phone, "tracking-code", seenCodes);
  await page.getByTestId("code-input").fill(codeIn(sms.text));
  await page.getByTestId("code-submit").click();
  await expect(page.getByTestId("track-result")).toBeVisible();
}

/** Answers the three rating questions and sends them. */
async function rate(page: Page): Promise<void> {
  const form = page.getByTestId("rating-form");
  await form.locator("input[name=resolution][value=PARTLY]").check();
  await form.locator("input[name=resultSatisfaction][value=DISSATISFIED]").check();
  await form.locator("input[name=processSatisfaction][value=SATISFIED]").check();
  await form.locator("#rating-comment").fill("路灯修好了，但另一盏还不亮。");
  await form.getByTestId("rating-submit").click();
}

test("a citizen on a phone submits with a photo and SMS, tracks with a texted code, sees the reply and rates it; axe passes on every step", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const lang: Lang = "en";
  const context = await browser.newContext({ locale: words[lang].locale, viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  const phone = "13922223333";

  await page.goto("/portal/");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expectAccessible(page, "home (en)");

  await page.getByTestId("home-submit").click();
  await expect(page.getByTestId("submit-form")).toBeVisible();
  await expectAccessible(page, "submit form (en)");

  // Sending it empty flags the fields and moves focus to the first one.
  await page.getByTestId("submit-request").click();
  await expect(page.getByTestId("submit-errors")).toBeVisible();
  await expect(page.locator("#submit-requestType")).toBeFocused();
  await expect(page.locator("#submit-requestType")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "submit form with errors (en)");

  await fillRequest(page, lang, phone, "The school does nothing about my son being bullied by classmates. 路灯 e2e");
  await page.locator("#submit-attachments").setInputFiles(PHOTO);
  const photos = page.getByTestId("photo-list");
  await expect(photos.getByAltText("Preview of pothole.png")).toBeVisible();
  await expect(photos).toContainText("Uploaded");
  await page.getByLabel("Send me the tracking number by SMS").check();
  await page.getByTestId("submit-request").click();

  const number = page.getByTestId("tracking-number");
  await expect(number).toHaveText(/^ZB-\d{8}-\d{5}$/);
  const trackingNumber = (await number.textContent())!.trim();
  await expect(page.getByRole("heading", { name: "Your request has been received" })).toBeFocused();
  await expect(page.getByTestId("sms-sent")).toContainText("139****3333");
  await expectAccessible(page, "submit success (en)");

  // The SMS carries the number and a link that opens the track page with the number filled in.
  const sms = await nextSms(request, phone, "tracking-number");
  expect(sms.text).toContain(trackingNumber);
  const link = /(https?:\/\/\S+\/track\?n=\S+)/.exec(sms.text)?.[1];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page).toHaveURL(new RegExp(`/portal/track\\?n=${trackingNumber}`));
  await expect(page.locator("#track-number")).toHaveValue(trackingNumber);
  await expectAccessible(page, "track form (en)");

  await page.locator("#track-phone").fill(phone);
  await page.getByTestId("track-submit").click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeFocused();
  await expect(page.getByTestId("code-input")).toHaveAttribute("autocomplete", "one-time-code");
  await expectAccessible(page, "code entry (en)");
  const code = codeIn((await nextSms(request, phone, "tracking-code")).text);
  // A wrong code is refused on the field, with the tries left.
  await page.getByTestId("code-input").fill(code === "000000" ? "000001" : "000000");
  await page.getByTestId("code-submit").click();
  await expect(page.getByTestId("code-input")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("code-form")).toContainText("4 tries left");
  await expectAccessible(page, "code entry with an error (en)");
  await page.getByTestId("code-input").fill(code);
  await page.getByTestId("code-submit").click();

  const result = page.getByTestId("track-result");
  await expect(result).toBeVisible();
  await expect(page.locator("#track-result-title")).toBeFocused();
  await expect(result).toContainText(trackingNumber);
  await expect(page.getByTestId("track-reply")).toContainText("No reply yet");
  await expectAccessible(page, "track result before the reply (en)");

  // The centre dispatches it to the education bureau, whose handler signs for it and replies.
  const replyText = "经调查，学校已对相关学生批评教育，并安排老师每日关注。";
  await dispatchAndReply(request, trackingNumber, { unitCode: "BUR-EDU", handler: "handler", replyText });

  // The citizen checks again (same access): the reply and the rating form appear once the callback is open.
  await expect(async () => {
    await page.getByTestId("track-refresh").click();
    await expect(page.getByTestId("rating-form")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("track-reply")).toContainText(replyText);
  await expect(page.getByTestId("track-reply")).toContainText(/Education/);
  await expect(page.getByTestId("status-steps")).toContainText(words[lang].steps);
  await expectAccessible(page, "track result with reply and rating form (en)");

  // Sending the rating unanswered flags the first question.
  await page.getByTestId("rating-submit").click();
  await expect(page.locator("#rating-resolution")).toBeFocused();
  await expectAccessible(page, "rating form with errors (en)");
  await rate(page);
  await expect(page.getByTestId("rating-thanks")).toBeVisible();
  const given = page.getByTestId("rating-given");
  await expect(given).toContainText(words[lang].rated);
  await expect(given).toContainText("Dissatisfied");
  await expect(given).toContainText("路灯修好了");
  await expect(page.getByTestId("rating-form")).toHaveCount(0);
  await expectAccessible(page, "track result with the rating (en)");

  // Public knowledge pages.
  await page.goto("/portal/faq");
  await expect(page.getByTestId("portal-kb-hit").first()).toBeVisible();
  await expectAccessible(page, "knowledge list (en)");
  await page.getByTestId("portal-kb-hit").first().getByRole("link").first().click();
  await expect(page.getByTestId("portal-article")).toBeVisible();
  await expectAccessible(page, "article page (en)");

  await context.close();
});

test("the portal in Chinese passes axe on every page and state, and a texted code opens a replied request to rate", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const lang: Lang = "zh-CN";
  const context = await browser.newContext({ locale: words[lang].locale, viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  const phone = "13922224444";

  await page.goto("/portal/");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expectAccessible(page, "首页");
  await page.getByTestId("home-submit").click();
  await expect(page.getByTestId("submit-form")).toBeVisible();
  await expectAccessible(page, "提交表单");
  await page.getByTestId("submit-request").click();
  await expect(page.locator("#submit-requestType")).toBeFocused();
  await expectAccessible(page, "提交表单（有错误）");

  await fillRequest(page, lang, phone, "孩子在学校多次被同学欺负，希望学校和教育部门调查处理。");
  await page.getByLabel("匿名", { exact: true }).check();
  await page.getByTestId("submit-request").click();
  const number = page.getByTestId("tracking-number");
  await expect(number).toHaveText(/^ZB-\d{8}-\d{5}$/);
  const trackingNumber = (await number.textContent())!.trim();
  await expectAccessible(page, "提交成功");

  await dispatchAndReply(request, trackingNumber, { unitCode: "BUR-EDU", handler: "handler", replyText: "已责成学校处理，并回访家长。" });

  await page.getByTestId("track-link").click();
  await expect(page.locator("#track-number")).toHaveValue(trackingNumber);
  await expectAccessible(page, "查询表单");
  await openWithCode(page, request, phone, 0, () => expectAccessible(page, "输入验证码"));
  await expect(async () => {
    await page.getByTestId("track-refresh").click();
    await expect(page.getByTestId("rating-form")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("track-reply")).toContainText(words[lang].reply);
  await expectAccessible(page, "查询结果（答复与评价表）");
  await rate(page);
  await expect(page.getByTestId("rating-given")).toContainText(words[lang].rated);
  await expectAccessible(page, "查询结果（已评价）");

  await page.goto("/portal/faq");
  await expect(page.getByTestId("portal-kb-hit").first()).toBeVisible();
  await expectAccessible(page, "常见问题");
  await page.getByTestId("portal-kb-hit").first().getByRole("link").first().click();
  await expect(page.getByTestId("portal-article")).toBeVisible();
  await expectAccessible(page, "文章页");

  await context.close();
});

test("a wrong phone gets the same answer as the right one and no text message", async ({ browser, request }) => {
  const context = await browser.newContext({ locale: "en-US", viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  await page.goto("/portal/track?n=ZB-20990101-99999");
  await page.locator("#track-phone").fill("13900009999");
  await page.getByTestId("track-submit").click();
  await expect(page.getByTestId("code-form")).toContainText("139****9999");
  expect(await devSms(request, "13900009999")).toEqual([]);
  await context.close();
});

test("with a tile server configured, the citizen drops a map pin by click and by keyboard; the ticket keeps the coordinates", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: "en-US", viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  // The installation under test has no tile server: this page is told it has one, and the tiles
  // are answered here (the portal reads the template from `portalSettings`).
  const TEMPLATE = "https://tiles.e2e.test/{z}/{x}/{y}.png";
  const tile = readFileSync(PHOTO);
  const tileRequests: string[] = [];
  await page.route("https://tiles.e2e.test/**", async (route) => {
    tileRequests.push(route.request().url());
    await route.fulfill({ status: 200, contentType: "image/png", body: tile });
  });
  // A configured installation also lets its content security policy load images from the tile
  // server's origin (security-headers.ts): the page's policy is widened the same way here.
  await page.route("**/portal/**", async (route) => {
    if (route.request().resourceType() !== "document") {
      await route.continue();
      return;
    }
    const response = await route.fetch();
    const headers = response.headers();
    headers["content-security-policy"] = (headers["content-security-policy"] ?? "").replace("img-src ", "img-src https://tiles.e2e.test ");
    await route.fulfill({ response, headers });
  });
  await page.route("**/graphql", async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName !== "PortalSettings") {
      await route.continue();
      return;
    }
    const response = await route.fetch();
    const json = (await response.json()) as { data: { portalSettings: Record<string, unknown> } };
    json.data.portalSettings.mapTileUrl = TEMPLATE;
    await route.fulfill({ response, json });
  });

  await page.goto("/portal/submit");
  const map = page.getByRole("application", { name: /map/i });
  await expect(map).toBeVisible();
  await expect.poll(() => tileRequests.length).toBeGreaterThanOrEqual(9);
  expect(tileRequests[0]).toMatch(/^https:\/\/tiles\.e2e\.test\/13\/\d+\/\d+\.png$/);
  await expectAccessible(page, "submit form with a map");

  // Click near the middle, then nudge the pin with the arrow keys.
  await map.click();
  const status = page.getByTestId("map-pin").getByRole("status");
  await expect(status).toContainText(/36\.\d+/);
  const clicked = (await status.textContent())!;
  await map.press("ArrowRight");
  await expect(status).not.toHaveText(clicked);
  const [lat, lon] = [...(await status.textContent())!.matchAll(/(\d+\.\d+)/g)].map((match) => Number(match[1]));
  expect(lat).toBeGreaterThan(36.7);
  expect(lat).toBeLessThan(36.9);
  expect(lon).toBeGreaterThan(117.9);
  expect(lon).toBeLessThan(118.2);

  await fillRequest(page, "en", "13922225555", "A street light has been out for a week near the pin. map e2e");
  await page.getByTestId("submit-request").click();
  const trackingNumber = (await page.getByTestId("tracking-number").textContent())!.trim();

  // Centre staff see the coordinates the citizen chose.
  const token = await staffToken(request, "dispatcher");
  type Entry = { ticket: { trackingNumber: string; latitude: number | null; longitude: number | null } };
  let entry: Entry | undefined;
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: Entry[] }>(request, "{ dispatchQueue { ticket { trackingNumber latitude longitude } } }", {}, token);
      entry = queue.dispatchQueue.find((candidate) => candidate.ticket.trackingNumber === trackingNumber);
      return Boolean(entry);
    }, { timeout: 15_000 })
    .toBe(true);
  expect(entry!.ticket.latitude).toBeCloseTo(lat!, 4);
  expect(entry!.ticket.longitude).toBeCloseTo(lon!, 4);
  await context.close();
});
