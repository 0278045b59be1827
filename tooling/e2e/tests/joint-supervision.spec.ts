import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

type Locale = "zh-CN" | "en";
type CaseRef = { id: string; trackingNumber: string; ticketId: string };

const WORDS = {
  "zh-CN": { opinionDiscipline: "两单位相互推诿，建议明确责任，必要时问责。", opinionStaffing: "按部门职责，城市道路附属设施由城市管理局负责。", opinionCentre: "同意编办意见。", decision: "经三方会商，由市城市管理局承办并限期整改反光条。" },
  en: { opinionDiscipline: "Both units passed the buck; name the responsible unit.", opinionStaffing: "Road furniture in the city belongs to urban management.", opinionCentre: "We agree with the staffing office.", decision: "Urban management handles it and fixes the strips within the deadline." },
} as const;

/**
 * The demo's bollard case (zh-CN run; the supervisor sees it on the ticket page's panel), or — for
 * the English run — a new disputed ticket on which the supervisor opens a case from the ticket page
 * at a dispatcher's request.
 */
async function caseFor(browser: Browser, request: APIRequestContext, locale: Locale): Promise<CaseRef> {
  type Item = { id: string; state: string; ticket: { id: string; trackingNumber: string; description: string } };
  if (locale === "zh-CN") {
    const supervisor = await staffToken(request, "supervisor");
    const list = await gql<{ jointCases: { items: Item[] } }>(request, "{ jointCases(state: OPEN) { items { id state ticket { id trackingNumber description } } } }", {}, supervisor);
    const demo = list.jointCases.items.find((item) => item.ticket.description.includes("防撞挡车桩"));
    expect(demo, "the seeded bollard case").toBeTruthy();
    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.goto(`/supervisor/tickets/${demo!.ticket.trackingNumber}`);
    const panel = page.getByTestId("joint-panel");
    await expect(panel).toContainText("办理中", { timeout: 15_000 });
    await expectAccessible(page, "ticket page with the joint panel (zh-CN)");
    await page.context().close();
    return { id: demo!.id, trackingNumber: demo!.ticket.trackingNumber, ticketId: demo!.ticket.id };
  }
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(
    request,
    "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }",
    {
      i: {
        requestType: "COMPLAINT",
        categoryId: catalog.categories.find((c) => c.code === "URBAN.ROAD_FACILITIES")!.id,
        description: "Reflective strips on the bollards at the Renmin Road crossing are gone; cyclists hit them at night.",
        districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "Renmin West Road / Gongqingtuan West Road, Zhangdian",
        citizenName: "Chen",
        phone: "13811113333",
      },
    },
  );
  const trackingNumber = submitted.submitRequest.trackingNumber;
  const dispatcher = await staffToken(request, "dispatcher");
  let ticketId = "";
  await expect
    .poll(async () => {
      const queue = await gql<{ dispatchQueue: Array<{ ticket: { id: string; trackingNumber: string } }> }>(request, "{ dispatchQueue { ticket { id trackingNumber } } }", {}, dispatcher);
      ticketId = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber)?.ticket.id ?? "";
      return ticketId;
    }, { timeout: 15_000 })
    .not.toBe("");
  const page = await staffPage(browser, "supervisor", "supervisor", locale);
  await page.goto(`/supervisor/tickets/${trackingNumber}`);
  const panel = page.getByTestId("joint-panel");
  await expect(panel.locator("form")).toBeVisible({ timeout: 15_000 });
  await panel.locator("select").selectOption("DISPATCHER_REQUEST");
  await panel.locator("textarea").fill("Urban management and transport both say the bollards are not theirs.");
  await panel.getByRole("button").click();
  await expect(panel.getByRole("link")).toBeVisible({ timeout: 10_000 });
  await expectAccessible(page, "ticket page with an open joint case (en)");
  await panel.getByRole("link").click();
  await expect(page.getByTestId("joint-case")).toBeVisible({ timeout: 10_000 });
  const id = page.url().split("/joint/")[1] ?? "";
  expect(id).not.toBe("");
  await page.context().close();
  return { id, trackingNumber, ticketId };
}

/** A party opens its case from the joint supervision list (the nav entry) and records its opinion. */
async function recordOpinion(page: Page, c: CaseRef, text: string, options: { unitId?: string; checkA11y?: string } = {}): Promise<void> {
  await page.goto("/supervisor/joint");
  const row = page.getByTestId("joint-row").filter({ hasText: c.trackingNumber });
  await expect(row).toBeVisible({ timeout: 15_000 });
  if (options.checkA11y) {
    await expectAccessible(page, `joint case list (${options.checkA11y})`);
  }
  await row.getByRole("link", { name: c.trackingNumber }).click();
  const form = page.getByTestId("joint-opinion-form");
  await expect(form).toBeVisible({ timeout: 15_000 });
  if (options.checkA11y) {
    await expectAccessible(page, `joint case page with the opinion form (${options.checkA11y})`);
  }
  await form.locator("textarea").fill(text);
  if (options.unitId) {
    await form.locator("select").selectOption(options.unitId);
  }
  await form.getByRole("button").click();
  await expect(page.getByTestId("joint-done")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("joint-opinion-form")).toHaveCount(0);
}

for (const locale of ["zh-CN", "en"] as const) {
  test(`joint supervision (${locale}): three parties give opinions in their own logins, the complaint centre decides, the ticket lands at the decided unit which cannot return it, the admin accepts the proposed rule`, async ({ browser, request }) => {
    test.setTimeout(240_000);
    const words = WORDS[locale];
    const c = await caseFor(browser, request, locale);
    const admin = await staffToken(request, "admin");
    const units = await gql<{ units: Array<{ id: string; code: string; nameZh: string; nameEn: string }> }>(request, "{ units { id code nameZh nameEn } }", {}, admin);
    const urban = units.units.find((unit) => unit.code === "BUR-URBAN")!;

    // A handler of an unrelated unit sees no joint case at all.
    const outsider = await staffToken(request, "handler");
    const outsiderView = await gql<{ jointCases: { total: number } }>(request, "{ jointCases { total } }", {}, outsider);
    expect(outsiderView.jointCases.total).toBe(0);

    const discipline = await staffPage(browser, "supervisor", "jiwei", locale);
    // A party's staff land on the joint cases their unit is party to.
    await expect(discipline).toHaveURL(/\/supervisor\/joint$/, { timeout: 10_000 });
    await recordOpinion(discipline, c, words.opinionDiscipline, { checkA11y: `discipline commission, ${locale}` });
    await expect(discipline.getByTestId("joint-party-DISCIPLINE_COMMISSION")).toContainText(words.opinionDiscipline);

    const staffing = await staffPage(browser, "supervisor", "bianban", locale);
    await recordOpinion(staffing, c, words.opinionStaffing, { unitId: urban.id });
    await expect(staffing.getByTestId("joint-party-STAFFING_OFFICE")).toContainText(locale === "en" ? urban.nameEn : urban.nameZh);

    const centre = await staffPage(browser, "supervisor", "complaints", locale);
    await recordOpinion(centre, c, words.opinionCentre);
    const decision = centre.getByTestId("joint-decision-form");
    await expect(decision).toBeVisible({ timeout: 10_000 });
    await expect(decision.locator("select")).toHaveValue(urban.id);
    await expectAccessible(centre, `joint case decision form (${locale})`);
    await decision.locator("textarea").fill(words.decision);
    await decision.locator("input[type=checkbox]").check();
    await decision.locator("input[type=text]").fill("防撞柱, 反光条");
    await decision.getByRole("button").click();
    await expect(centre.getByTestId("joint-decision")).toContainText(locale === "en" ? urban.nameEn : urban.nameZh, { timeout: 15_000 });
    await expect(centre.getByTestId("joint-timeline").locator("li")).toHaveCount(6);
    await expectAccessible(centre, `decided joint case (${locale})`);
    if (locale === "zh-CN") {
      await centre.setViewportSize({ width: 1440, height: 1500 });
      await centre.screenshot({ path: "../../apps/supervisor/docs/joint-case.png", fullPage: true });
    }

    // The ticket is in the urban management bureau's inbox, and the bureau cannot return it.
    const unit = await staffPage(browser, "operator", "handler.urban", locale);
    await unit.goto("/operator/workbench");
    await expect(unit.getByTestId("inbox-row").filter({ hasText: c.trackingNumber })).toBeVisible({ timeout: 15_000 });
    const handlerToken = await staffToken(request, "handler.urban");
    const refused = await request.post("/graphql", {
      headers: { "content-type": "application/json", authorization: `Bearer ${handlerToken}` },
      data: { query: "mutation($t: ID!) { returnTicket(ticketId: $t, reason: NOT_OUR_JURISDICTION, text: \"不归我们管。\") { id } }", variables: { t: c.ticketId } },
    });
    const body = (await refused.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe("ROUTING/JOINT_DECISION_FINAL");

    // The admin accepts the proposed rule in the dispatch catalogue.
    const adminPage = await staffPage(browser, "supervisor", "admin", locale);
    await adminPage.goto("/supervisor/routing/rules");
    const proposal = adminPage.getByTestId("joint-rule-proposal").filter({ hasText: c.trackingNumber });
    await expect(proposal).toBeVisible({ timeout: 15_000 });
    await expectAccessible(adminPage, `dispatch catalogue with proposed rules (${locale})`);
    await proposal.getByRole("button").first().click();
    await expect(adminPage.getByTestId("joint-rule-proposal").filter({ hasText: c.trackingNumber })).toHaveCount(0, { timeout: 10_000 });

    for (const page of [discipline, staffing, centre, unit, adminPage]) {
      await page.context().close();
    }
  });
}
