import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { dispatchAndReply, gql, staffPage, staffToken } from "./helpers/api.js";

type Catalog = { categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> };

/** Submits `count` portal requests of one category in one district (a planted burst); answers their tracking numbers in order. */
async function burst(request: APIRequestContext, district: string, count: number, marker: string): Promise<string[]> {
  const catalog = await gql<Catalog>(request, "{ categories { id code } areas { id nameZh } }");
  const numbers: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(request, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
      i: {
        requestType: "COMPLAINT",
        categoryId: catalog.categories.find((category) => category.code === "EDU.BULLYING")!.id,
        description: `学校门口有学生被围堵欺凌，家长很担心。${marker}-${index}`,
        districtId: catalog.areas.find((area) => area.nameZh === district)!.id,
        address: `${district}实验小学门口`,
        citizenName: `家长${index}`,
        phone: `1390000${String(1000 + index).slice(-4)}`,
      },
    });
    numbers.push(submitted.submitRequest.trackingNumber);
  }
  return numbers;
}

const HOT_CASES = [
  { locale: "zh-CN", district: "高青县", title: "热点问题", statistic: "单侧泊松检验", merged: "已并单", mergedDone: "已将 2 件工单并入", assigned: "已交" },
  { locale: "en", district: "沂源县", title: "Hot issues (热点)", statistic: "one-sided Poisson test", merged: "Merged with a related request", mergedDone: "2 ticket(s) merged into", assigned: "Assigned to" },
] as const;

for (const { locale, district, title, statistic, merged, mergedDone, assigned } of HOT_CASES) {
  test(`a planted burst is a hot issue: its tickets, merge duplicates, assign to a leader, drill down (${locale})`, async ({ browser, request }) => {
    test.setTimeout(150_000);
    const numbers = await burst(request, district, 7, `e2e-hot-${locale}-${Date.now()}`);
    const page = await staffPage(browser, "supervisor", "supervisor", locale);
    await page.goto("/supervisor/measures/hot");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("hot-statistic")).toContainText(statistic);
    const issue = page.getByTestId("hot-issue").filter({ has: page.getByRole("rowheader", { name: new RegExp(`${district}|${locale === "en" ? "Yiyuan" : district}`) }) });
    await expect(issue).toHaveCount(1);
    await expect(issue.getByTestId("hot-count")).toHaveText("7");
    await expect(issue.getByTestId("hot-trend")).toHaveAttribute("aria-label", /7/);
    await expectAccessible(page, `hot issues (${locale})`);

    // The tickets behind it: keep the first, merge the next two into it (intake's 并单).
    await issue.getByTestId("hot-open").click();
    const tickets = page.getByTestId("hot-ticket-row");
    await expect(tickets).toHaveCount(7);
    await expect(page.getByTestId("hot-tickets-table")).toContainText(numbers[0]!);
    await expectAccessible(page, `hot issue's tickets (${locale})`);
    await tickets.filter({ hasText: numbers[0]! }).getByTestId("hot-keep").check();
    await tickets.filter({ hasText: numbers[1]! }).getByTestId("hot-pick").check();
    await tickets.filter({ hasText: numbers[2]! }).getByTestId("hot-pick").check();
    await page.getByTestId("hot-merge").click();
    await expect(page.getByTestId("hot-merge-done")).toContainText(mergedDone);
    await expect(tickets.filter({ hasText: numbers[1]! }).getByTestId("hot-ticket-status")).toHaveText(merged);
    await expect(tickets.filter({ hasText: numbers[2]! }).getByTestId("hot-ticket-status")).toHaveText(merged);

    // 领导包案: the hot issue's tickets go to the demo leader as one case.
    await page.getByTestId("hot-assign-leader").selectOption({ label: "陈军 (Leader)" });
    await page.getByTestId("hot-assign-note").fill(locale === "en" ? "Parents keep calling." : "家长集中反映，请领导包案。");
    await page.getByTestId("hot-assign-submit").click();
    await expect(page.getByTestId("hot-assign-done")).toContainText(assigned);
    await expect(issue.getByTestId("hot-leaders")).toContainText("陈军");
    await expectAccessible(page, `hot issue after merge and assignment (${locale})`);
    await page.screenshot({ path: locale === "zh-CN" ? "../../apps/supervisor/docs/hot-issues.png" : `test-results/hot-issues-${locale}.png`, fullPage: true });

    // The API agrees: two tickets merged into the first, all seven with the leader.
    const supervisorToken = await staffToken(request, "supervisor");
    const found = await gql<{ searchTickets: { hits: Array<{ trackingNumber: string; status: string }> } }>(
      request,
      "query($f: TicketSearchFilter!) { searchTickets(filter: $f, first: 20) { hits { trackingNumber status } } }",
      { f: { trackingNumber: numbers[1] } },
      supervisorToken,
    );
    expect(found.searchTickets.hits.map((hit) => hit.status)).toEqual(["MERGED"]);

    // Drill-down: the ticket search opens with the hot issue's category, district and window.
    await issue.getByTestId("hot-search").click();
    await expect(page).toHaveURL(/tickets\/search\?categoryId=.*districtId=.*receivedFrom=/);
    for (const number of numbers) {
      await expect(page.getByTestId(`ticket-search-row-${number}`)).toBeVisible();
    }
    await page.context().close();
  });
}

const RANKING_CASES = [
  { locale: "zh-CN", title: "部门排名", formula: "得分 = Σ 权重", tie: "并列规则", saved: "已保存为版本", used: "本排名使用权重版本", thisMonth: "本月", lastMonth: "上月", weightError: "请填写 0 到 100 的整数。" },
  { locale: "en", title: "Department ranking (部门排名)", formula: "Score = Σ weight", tie: "Ties:", saved: "Saved as version", used: "Ranked with weights version", thisMonth: "This month", lastMonth: "Last month", weightError: "Give a whole number from 0 to 100." },
] as const;

for (const { locale, title, formula, tie, saved, used, thisMonth, lastMonth, weightError } of RANKING_CASES) {
  test(`the department ranking shows its formula, takes new weights as a version, and keeps last month's (${locale})`, async ({ browser, request }) => {
    test.setTimeout(150_000);
    // A ticket of the education bureau dispatched and replied this month.
    const [number] = await burst(request, "张店区", 1, `e2e-rank-${locale}-${Date.now()}`);
    await dispatchAndReply(request, number!, { unitCode: "BUR-EDU", handler: "handler", replyText: "已约谈学校，加强校门口值守。" });

    // 1920 px: at 1440 px the admin's header (every menu of every role) overflows in English — not this page's doing.
    const page = await staffPage(browser, "supervisor", "admin", locale, { width: 1920, height: 1080 });
    await page.goto("/supervisor/measures/ranking");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("ranking-formula")).toContainText(formula);
    await expect(page.getByTestId("ranking-formula")).toContainText(tie);
    await expect(page.getByTestId("ranking-version-used")).toContainText(`${used} v1`);
    await expectAccessible(page, `ranking, last month (${locale})`);

    // A weight out of range is refused on its field and nothing is saved.
    const versionRows = page.getByTestId("ranking-versions").locator("tbody tr");
    const before = await versionRows.count();
    await page.getByTestId("weight-onTime").fill("101");
    await page.getByTestId("weights-save").click();
    await expect(page.getByTestId("ranking-weights")).toContainText(weightError);
    await expect(versionRows).toHaveCount(before);

    // New weights: a version of their own, used for this month (it ends after they were saved).
    await page.getByTestId("weight-onTime").fill("20");
    await page.getByTestId("weight-satisfaction").fill("50");
    await page.getByTestId("weight-minTickets").fill("1");
    await page.getByTestId("weight-note").fill(locale === "en" ? "Satisfaction first" : "满意度优先");
    await page.getByTestId("weights-save").click();
    await expect(page.getByTestId("weights-saved")).toContainText(saved);
    const version = Number(/v(\d+)/.exec((await page.getByTestId("weights-saved").textContent()) ?? "")?.[1]);
    expect(version).toBeGreaterThan(1);
    await expect(versionRows).toHaveCount(before + 1);
    await page.getByTestId("ranking-period").selectOption({ label: thisMonth });
    await page.getByTestId("ranking-show").click();
    await expect(page.getByTestId("ranking-version-used")).toContainText(`${used} v${version}`);
    await expect(page.getByTestId("ranking-weight-satisfaction")).toHaveText("50");
    const ranked = page.getByTestId("ranking-ranked-row");
    await expect(ranked.first()).toBeVisible();
    await expect(ranked.filter({ hasText: locale === "en" ? /Education|教育局/ : "教育局" })).toHaveCount(1);
    await expectAccessible(page, `ranking, this month (${locale})`);
    await page.screenshot({ path: locale === "zh-CN" ? "../../apps/supervisor/docs/ranking.png" : `test-results/ranking-${locale}.png`, fullPage: true });

    // Last month keeps the weights it was ranked with.
    await page.getByTestId("ranking-period").selectOption({ label: lastMonth });
    await page.getByTestId("ranking-show").click();
    await expect(page.getByTestId("ranking-version-used")).toContainText(`${used} v1`);
    // … unless a version is chosen on purpose.
    await page.getByTestId("ranking-version").selectOption({ value: String(version) });
    await page.getByTestId("ranking-show").click();
    await expect(page.getByTestId("ranking-version-used")).toContainText(`${used} v${version}`);

    // A unit's row drills down to its tickets.
    await page.getByTestId("ranking-period").selectOption({ label: thisMonth });
    await page.getByTestId("ranking-version").selectOption({ value: "" });
    await page.getByTestId("ranking-show").click();
    await ranked.filter({ hasText: locale === "en" ? /Education|教育局/ : "教育局" }).getByRole("link").click();
    await expect(page).toHaveURL(/tickets\/search\?.*leadUnitId=/);
    await expect(page.getByTestId(`ticket-search-row-${number}`)).toBeVisible();
    await page.context().close();

    // A supervisor reads the ranking without the weights editor.
    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale);
    await supervisor.goto("/supervisor/measures/ranking");
    await expect(supervisor.getByTestId("ranking-formula")).toBeVisible();
    await expect(supervisor.getByTestId("ranking-weights")).toHaveCount(0);
    await supervisor.context().close();
  });
}
