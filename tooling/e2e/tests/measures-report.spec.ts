import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/** A citizen's complaint dispatched to the education bureau, with a supervision order on it. */
async function ticketWithOrder(request: APIRequestContext, marker: string): Promise<{ trackingNumber: string; unitId: string }> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: {
      requestType: "COMPLAINT",
      categoryId: catalog.categories.find((c) => c.code === "EDU.BULLYING")!.id,
      description: `学校附近道路施工围挡占用人行道，学生上学不安全。${marker}`,
      districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
      address: "张店区华光路 12 号",
      citizenName: "孙女士",
      phone: "13811114444",
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
  const unitId = units.units.find((unit) => unit.code === "BUR-EDU")!.id;
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId: unitId } }, dispatcher);
  const supervisor = await staffToken(request, "supervisor");
  await gql(
    request,
    "mutation($input: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $input) { id } }",
    { input: { ticketId: item!.ticket.id, level: "REMINDER", reason: `请尽快核实处理。${marker}`, responseWorkingMinutes: 480 } },
    supervisor,
  );
  return { trackingNumber, unitId };
}

/** Clicks a download link and returns the downloaded bytes. */
async function download(page: Page, link: Locator): Promise<{ data: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const target = path.join(mkdtempSync(path.join(tmpdir(), "report-")), file.suggestedFilename());
  await file.saveAs(target);
  return { data: readFileSync(target), name: file.suggestedFilename() };
}

function pdfToText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8" });
}

const squash = (text: string) => text.replace(/\s+/g, "");

const WORDS = {
  "zh-CN": { unit: "淄博市教育局", done: "已生成", cover: "监督报告", tickets: "类别,工单编号,标题,状态,主办单位", page: /第1页\/共\d+页/ },
  en: { unit: "Zibo Municipal Education Bureau", done: "Ready", cover: "Oversight report", tickets: "List,Tracking number,Title,Status,Lead unit", page: /Page1of\d+/ },
} as const;

for (const locale of ["zh-CN", "en"] as const) {
  const words = WORDS[locale];

  test(`${locale}: a supervisor produces the oversight report of a unit for this month and downloads the PDF and CSV`, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const marker = `报告-${locale}-${Date.now()}`;
    const { trackingNumber, unitId } = await ticketWithOrder(request, marker);

    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.goto("/supervisor/measures/report");
    await expect(page.getByTestId("report-page")).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page, `report page (${locale})`);

    await page.getByTestId("report-unit").selectOption(unitId);
    await expect(page.getByTestId("report-subunits")).toBeEnabled();
    await page.getByTestId("report-period").getByRole("radio").nth(1).check();
    await page.getByTestId("report-language").selectOption(locale);
    await page.getByTestId("report-start").click();
    await expect(page.getByTestId("report-started")).toBeVisible();

    const row = page.getByTestId("report-row").first();
    await expect(row).toContainText(words.unit.slice(0, 4));
    // the page follows it by itself (pushed over the subscription, no reload)
    await expect(row).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
    await expect(row.getByTestId("report-status")).toHaveText(words.done);
    await expectAccessible(page, `report page with a finished report (${locale})`);
    if (locale === "zh-CN") {
      await page.screenshot({ path: "../../apps/supervisor/docs/oversight-report-page.png" });
    }

    const pdf = await download(page, row.getByTestId("report-file-PDF"));
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.data.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfToText(pdf.data);
    expect(text).not.toContain("\uFFFD");
    expect(squash(text)).toContain(squash(words.cover));
    expect(squash(text)).toContain(trackingNumber);
    expect(squash(text)).toMatch(words.page);
    if (locale === "zh-CN") {
      expect(squash(text)).toContain("淄博市教育局");
      // a page of the PDF for the README
      const dir = mkdtempSync(path.join(tmpdir(), "report-png-"));
      execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", "-", path.join(dir, "page")], { input: pdf.data });
      const png = readdirSync(dir).find((name) => name.endsWith(".png"))!;
      renameSync(path.join(dir, png), "../../apps/supervisor/docs/oversight-report-pdf-page.png");
    }

    const tickets = await download(page, row.getByTestId("report-file-TICKETS_CSV"));
    expect(tickets.name).toMatch(/\.csv$/);
    expect([...tickets.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = tickets.data.toString("utf8").slice(1);
    expect(csv.split("\r\n")[0]).toContain(words.tickets);
    expect(csv).not.toContain("13811114444");

    const orders = await download(page, row.getByTestId("report-file-ORDERS_CSV"));
    expect(orders.data.toString("utf8")).toContain(trackingNumber);
    await page.context().close();
  });
}

test("a call-taker is told the report is not for them", async ({ browser }) => {
  const page = await staffPage(browser, "supervisor", "operator", "en");
  await page.goto("/supervisor/measures/report");
  await expect(page.getByTestId("report-forbidden")).toBeVisible({ timeout: 15_000 });
  await page.context().close();
});
