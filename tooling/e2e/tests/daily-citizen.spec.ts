import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";
import { codeIn, devSms, nextSms } from "./helpers/citizen.js";

/**
 * Issue 16, the citizen's side on a 360-px phone in zh-CN and en: the submit page warns about an
 * emergency; the tracking page shows the office's public note (never an internal one) and the
 * reply's photo, opened full size; the tracked request survives a reload.
 */
const PHOTO = readFileSync(fileURLToPath(new URL("../fixtures/pothole.png", import.meta.url)));
const PHONE_VIEWPORT = { width: 360, height: 740 };

type Lang = "zh-CN" | "en";
const words: Record<Lang, { gasText: string; call119: RegExp; noteBy: RegExp; photo: RegExp; close: RegExp }> = {
  "zh-CN": { gasText: "楼道里燃气味很重，邻居家好像没人。", call119: /拨打 119/, noteBy: /办理进展/, photo: /查看照片 .* 原图/, close: /^关闭$/ },
  en: { gasText: "Strong smell of gas in the stairwell, the neighbour is not answering.", call119: /Call 119/, noteBy: /Update from/, photo: /Open the photo .* at full size/, close: /^Close$/ },
};

/** A portal request about a school fee (张店区), dispatched to the education bureau and signed for. */
async function dispatchedRequest(request: APIRequestContext, phone: string, marker: string): Promise<{ trackingNumber: string; ticketId: string; handler: string }> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((category) => category.code === "EDU.FEES_TUTORING")!.id,
      description: `学校要求统一购买辅导资料。${marker}`,
      districtId: catalog.areas.find((area) => area.nameZh === "张店区")!.id,
      address: "张店区人民西路 12 号",
      citizenName: "赵女士",
      phone,
    },
  });
  const trackingNumber = submitted.submitRequest.trackingNumber;
  const dispatcher = await staffToken(request, "dispatcher");
  type QueueItem = { ticket: { id: string; version: number; trackingNumber: string } };
  let item: QueueItem | undefined;
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: QueueItem[] }>(request, "{ dispatchQueue { ticket { id version trackingNumber } } }", {}, dispatcher);
      item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber);
      return Boolean(item);
    }, { timeout: 15_000 })
    .toBe(true);
  const units = await gql<{ units: Array<{ id: string; code: string }> }>(request, "{ units { id code } }", {}, dispatcher);
  const leadUnitId = units.units.find((unit) => unit.code === "BUR-EDU")!.id;
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId } }, dispatcher);
  const handler = await staffToken(request, "handler");
  await gql(request, "mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: item!.ticket.id }, handler);
  return { trackingNumber, ticketId: item!.ticket.id, handler };
}

/** The handler notes progress (one public, one internal) and replies with a photo. */
async function noteAndReplyWithPhoto(request: APIRequestContext, ticketId: string, handler: string, publicNote: string, internalNote: string): Promise<void> {
  const note = "mutation($t: ID!, $x: String!, $v: NoteVisibility!) { addProgressNote(ticketId: $t, text: $x, visibility: $v) { id } }";
  await gql(request, note, { t: ticketId, x: publicNote, v: "PUBLIC" }, handler);
  await gql(request, note, { t: ticketId, x: internalNote, v: "INTERNAL" }, handler);
  const upload = await request.post("/uploads", { headers: { authorization: `Bearer ${handler}`, "content-type": "image/png", "x-filename": "school-notice.png" }, data: PHOTO });
  expect(upload.status()).toBe(201);
  const photo = ((await upload.json()) as { id: string }).id;
  await gql(
    request,
    "mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { id } }",
    { t: ticketId, i: { outcome: "RESOLVED", text: "学校已停止统一征订辅导资料，已购资料可退。", attachmentIds: [photo] } },
    handler,
  );
}

async function openTracked(page: Page, request: APIRequestContext, trackingNumber: string, phone: string): Promise<void> {
  await page.goto(`/portal/track?n=${trackingNumber}`);
  const seen = (await devSms(request, phone)).filter((message) => message.purpose === "tracking-code").length;
  await page.locator("#track-phone").fill(phone);
  await page.getByTestId("track-submit").click();
  await expect(page.getByTestId("code-form")).toBeVisible();
  const sms = await nextSms(request, phone, "tracking-code", seen);
  await page.getByTestId("code-input").fill(codeIn(sms.text));
  await page.getByTestId("code-submit").click();
  await expect(page.getByTestId("track-result")).toBeVisible();
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`${lang}: the submit page on a phone warns about an emergency and offers to call 119 now`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang, viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    await page.goto("/portal/submit");
    await expect(page.locator("#submit-description")).toBeVisible();
    await expect(page.getByTestId("emergency-warning")).toHaveCount(0);
    await page.locator("#submit-description").fill(words[lang].gasText);
    const warning = page.getByTestId("emergency-warning");
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link", { name: words[lang].call119 })).toHaveAttribute("href", "tel:119");
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/daily-emergency-${lang}.png`, fullPage: false });
    await expectAccessible(page, `submit page with the emergency warning (${lang})`);
    // Everyday words take the warning away again.
    await page.locator("#submit-description").fill("路灯坏了一周 street light broken");
    await expect(warning).toHaveCount(0);
    await context.close();
  });

  test(`${lang}: the citizen sees the office's public note and the reply's photo on a phone, and the request survives a reload`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const phone = lang === "en" ? "13955550001" : "13955550002";
    const { trackingNumber, ticketId, handler } = await dispatchedRequest(request, phone, `e2e-${lang}`);
    const publicNote = lang === "en" ? "已约谈学校负责人 (public note)" : "已约谈学校负责人，本周内答复。";
    const internalNote = "内部：校长电话 0533-0000000";
    await noteAndReplyWithPhoto(request, ticketId, handler, publicNote, internalNote);

    const context = await browser.newContext({ locale: lang, viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    await openTracked(page, request, trackingNumber, phone);

    const timeline = page.getByTestId("timeline");
    const note = timeline.getByTestId("public-note");
    await expect(note).toContainText(publicNote);
    await expect(note).toContainText(words[lang].noteBy);
    await expect(page.getByTestId("track-result")).not.toContainText("内部");

    const thumbnail = page.getByTestId("track-reply").getByRole("button", { name: words[lang].photo });
    await expect(thumbnail.locator("img")).toHaveAttribute("src", /^blob:/);
    await expect.poll(() => thumbnail.locator("img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId("track-reply").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/daily-track-reply-${lang}.png`, fullPage: true });
    await expectAccessible(page, `tracking page with a public note and a reply photo (${lang})`);

    await thumbnail.click();
    const viewer = page.getByTestId("photo-viewer");
    await expect(viewer).toBeVisible();
    await expect.poll(() => viewer.locator("img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page, `the reply photo at full size (${lang})`);
    await page.keyboard.press("Escape");
    await expect(viewer).toHaveCount(0);
    await expect(thumbnail).toBeFocused();

    // A reload within the access's 30 minutes: the request again, without a new code.
    const codesBefore = (await devSms(request, phone)).filter((message) => message.purpose === "tracking-code").length;
    await page.reload();
    await expect(page.getByTestId("track-result")).toBeVisible();
    await expect(page.getByTestId("code-form")).toHaveCount(0);
    await expect(page.getByTestId("timeline").getByTestId("public-note")).toContainText(publicNote);
    expect((await devSms(request, phone)).filter((message) => message.purpose === "tracking-code")).toHaveLength(codesBefore);
    // The token stays in this tab's session storage only, never with the phone number.
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem("civicline.portal.tracking") ?? "", local: JSON.stringify(localStorage) }));
    expect(stored.session).toContain(trackingNumber);
    expect(stored.session).not.toContain(phone);
    expect(stored.local).not.toContain(trackingNumber);
    // Closing the request forgets the access: a reload asks for a code again.
    await page.getByTestId("track-close").click();
    await page.reload();
    await expect(page.locator("#track-phone")).toBeVisible();
    await expect(page.getByTestId("track-result")).toHaveCount(0);
    await context.close();
  });
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`${lang}: the lead unit's handler calls a citizen who chose no restriction (logged), and sees the reply's photo`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const open = await dispatchedRequest(request, "13955550003", `e2e-call-${lang}`);
    const replied = await dispatchedRequest(request, "13955550004", `e2e-photo-${lang}`);
    await noteAndReplyWithPhoto(request, replied.ticketId, replied.handler, "已到学校核实。", "内部备注");

    const page = await staffPage(browser, "operator", "handler", lang, { width: 1440, height: 900 });
    await page.goto("/operator/workbench");
    await page.getByTestId("inbox-row").filter({ hasText: open.trackingNumber }).click();
    const panel = page.getByTestId("assignment-detail");
    await expect(panel.getByTestId("wb-phone")).toContainText("139****0003");
    await panel.getByTestId("wb-phone-reveal").click();
    const call = panel.getByTestId("wb-phone-call");
    await expect(call).toHaveAttribute("href", "tel:13955550003");
    // The reveal is in the ticket's history.
    await expect(panel).toContainText(lang === "en" ? "Caller's number shown to the unit" : "承办单位查看来电号码");
    await expectAccessible(page, `workbench with the caller's number revealed (${lang})`);

    // The replied ticket: its photo with the reply, opened full size.
    await page.getByTestId("assignment-close").click();
    await page.locator("input[type=checkbox]").first().check();
    await page.getByTestId("inbox-row").filter({ hasText: replied.trackingNumber }).click();
    const thumbnails = panel.getByTestId("attachment-thumbnails");
    await expect(thumbnails.locator("img")).toHaveAttribute("src", /\/files\//);
    await expect.poll(() => thumbnails.locator("img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await thumbnails.getByRole("button").click();
    await expect(page.getByTestId("photo-viewer")).toBeVisible();
    await expectAccessible(page, `workbench reply photo at full size (${lang})`);
    await page.context().close();
  });
}
