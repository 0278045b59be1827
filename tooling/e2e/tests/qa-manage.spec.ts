import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/** The header on one line and no page wider than the screen (desks from 1366 px). */
async function expectFits(page: Page, where: string): Promise<void> {
  const fit = await page.evaluate(() => {
    const items = Array.from(document.querySelectorAll(".app-header__brand, .app-header__nav li, .app-header__tools > *"))
      .map((child) => child.getBoundingClientRect())
      .filter((rect) => rect.height > 0);
    return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, tops: items.map((rect) => Math.round(rect.top + rect.height / 2)) };
  });
  expect(fit.scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(fit.client);
  expect(Math.max(...fit.tops) - Math.min(...fit.tops), `${where}: header on one line`).toBeLessThan(12);
}

/** Asia/Shanghai today, and the Monday of a day's week. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

const DESK = { width: 1366, height: 900 };

for (const locale of ["zh-CN", "en"] as const) {
  const zh = locale === "zh-CN";

  test(`a team lead rosters a shift and writes the week's notes (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const lead = await staffToken(request, "teamlead");
    const teams = await gql<{ qaTeams: Array<{ id: string; name: string; lead: { displayName: string } }> }>(request, "{ qaTeams { id name lead { displayName } } }", {}, lead);
    const team = teams.qaTeams.find((candidate) => candidate.lead.displayName.startsWith("周磊"))!;
    const page = await staffPage(browser, "supervisor", "teamlead", locale, DESK);

    // The QA menu is offered to the team lead (an operator who leads a team).
    await page.goto("/supervisor/qa/roster");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "排班" : "Roster (排班)");
    const table = page.getByRole("table", { name: new RegExp(team.name) });
    await expect(table.getByRole("rowheader", { name: /王敏/ })).toBeVisible();
    await expectAccessible(page, `roster (${locale})`);
    await expectFits(page, `roster (${locale})`);

    // An evening shift for the lead on the week's Sunday at seat A05 (free in the demo roster; each language its own hour).
    const leadRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /周磊/ }) });
    const hours = locale === "zh-CN" ? "18:00–19:00" : "20:00–21:00";
    await leadRow.getByRole("button").filter({ hasText: "＋" }).last().click();
    const editor = page.getByTestId("qa-shift-editor");
    await editor.getByLabel(zh ? "席位" : "Seat").selectOption("A05");
    await editor.getByLabel(zh ? "开始" : "Starts").fill(hours.slice(0, 5));
    await editor.getByLabel(zh ? "结束" : "Ends").fill(hours.slice(6));
    await editor.getByRole("button", { name: zh ? "保存" : "Save", exact: true }).click();
    await expect(page.getByTestId("qa-roster-saved")).toBeVisible();
    await expect(leadRow.getByRole("button", { name: new RegExp(`A05 ${hours}`) })).toBeVisible();
    if (zh) {
      await page.screenshot({ path: "../../apps/supervisor/docs/qa-roster.png", fullPage: true });
    }

    // The weekly review of whichever of the last two weeks has inspections (the demo scores recent calls).
    const thisMonday = mondayOf(shanghaiToday());
    const counts = await Promise.all(
      [addDays(thisMonday, -7), thisMonday].map(async (weekStart) => ({
        weekStart,
        inspections: (await gql<{ qaWeeklyReview: { inspections: number } }>(request, "query($t: ID!, $w: String!) { qaWeeklyReview(teamId: $t, weekStart: $w) { inspections } }", { t: team.id, w: weekStart }, lead)).qaWeeklyReview.inspections,
      })),
    );
    const week = counts.sort((a, b) => b.inspections - a.inspections)[0]!;
    expect(week.inspections).toBeGreaterThan(0);
    await page.goto("/supervisor/qa/review");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "每周点评" : "Weekly review (每周点评)");
    await page.getByLabel(zh ? "周起始日（周一）" : "Week starting (Monday)").fill(week.weekStart);
    await expect(page.getByTestId("qa-review-figures")).toContainText(String(week.inspections));
    await expect(page.getByRole("table", { name: new RegExp(team.name) }).getByRole("rowheader", { name: /王敏/ })).toBeVisible();
    const notes = zh ? `本周开场白整体规范，继续保持；注意核实地址。${Date.now()}` : `Openings were good; check addresses. ${Date.now()}`;
    await page.getByLabel(zh ? /给班组的点评/ : /Notes for the team/).fill(notes);
    await page.getByRole("button", { name: zh ? "保存点评" : "Save notes" }).click();
    await expect(page.getByTestId("qa-notes-saved")).toBeVisible();
    await expectAccessible(page, `weekly review (${locale})`);
    await expectFits(page, `weekly review (${locale})`);
    if (zh) {
      await page.screenshot({ path: "../../apps/supervisor/docs/qa-review.png", fullPage: true });
    }
    // A supervisor reads the same week: the notes and team figures, nobody's scores.
    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale, DESK);
    await supervisor.goto("/supervisor/qa/review");
    await supervisor.getByLabel(zh ? "班组" : "Team").selectOption(team.id);
    await supervisor.getByLabel(zh ? "周起始日（周一）" : "Week starting (Monday)").fill(week.weekStart);
    await expect(supervisor.getByText(notes)).toBeVisible();
    await expect(supervisor.getByTestId("qa-review-aggregate")).toBeVisible();
    await expect(supervisor.getByTestId("qa-review-members")).toHaveCount(0);
    await expectFits(supervisor, `weekly review, supervisor (${locale})`);
    await supervisor.context().close();
    await page.context().close();
  });

  test(`the QA inspector's score forms and monthly assessment with export (${locale})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const page = await staffPage(browser, "supervisor", "qa", locale, DESK);

    // Score forms: the seeded default form; editing shows the total live (not saved: other specs score with it).
    await page.goto("/supervisor/qa/forms");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "评分表" : "Score forms (评分表)");
    await expect(page.getByTestId("qa-form-version-table")).toBeVisible();
    await expectAccessible(page, `score forms (${locale})`);
    await expectFits(page, `score forms (${locale})`);
    if (zh) {
      await page.screenshot({ path: "../../apps/supervisor/docs/qa-forms.png", fullPage: true });
    }
    await page.getByRole("button", { name: zh ? "编辑为新版本" : "Edit as a new version" }).click();
    const editor = page.getByTestId("qa-form-editor");
    const total = await editor.getByTestId("qa-form-total").textContent();
    const first = editor.getByTestId("qa-form-criterion").first();
    const points = first.getByLabel(zh ? "分值" : "Points", { exact: true });
    const before = Number(await points.inputValue());
    await points.fill(String(before + 5));
    await expect(editor.getByTestId("qa-form-total")).not.toHaveText(total ?? "");
    await expectAccessible(page, `score form editor (${locale})`);
    await editor.getByRole("button", { name: zh ? "取消" : "Cancel" }).click();

    // The monthly assessment of whichever of this and last month has more ranked call-takers.
    const qa = await staffToken(request, "qa");
    const thisMonth = shanghaiToday().slice(0, 7);
    const lastMonth = new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
    const sizes = await Promise.all(
      [thisMonth, lastMonth].map(async (month) => ({
        month,
        ranked: (await gql<{ qaMonthlyAssessment: { rows: Array<{ name: string }> } }>(request, "query($m: String!) { qaMonthlyAssessment(month: $m) { rows { name } } }", { m: month }, qa)).qaMonthlyAssessment.rows,
      })),
    );
    const month = sizes.sort((a, b) => b.ranked.length - a.ranked.length)[0]!;
    expect(month.ranked.length).toBeGreaterThan(0);
    await page.goto("/supervisor/qa/assessment");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "月度考核" : "Monthly assessment (月度考核)");
    await page.getByTestId("qa-as-month").selectOption(month.month);
    await page.getByTestId("qa-as-show").click();
    const ranked = page.getByTestId("qa-as-ranked");
    await expect(ranked.getByRole("rowheader")).toHaveText(month.ranked.map((row) => row.name));
    await expect(page.getByTestId("qa-as-formula")).toContainText(zh ? "综合得分" : "Score =");
    await expect(page.getByTestId("qa-as-chart").locator("svg").first()).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page, `monthly assessment (${locale})`);
    await expectFits(page, `monthly assessment (${locale})`);
    if (zh) {
      await page.screenshot({ path: "../../apps/supervisor/docs/qa-assessment.png", fullPage: true });
    }
    // CSV (UTF-8 with a BOM, Excel opens it) and PDF downloads.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("qa-as-csv").click()]);
    const csvBytes = await readFile((await csv.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString("utf8")).toContain(month.ranked[0]!.name);
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("qa-as-pdf").click()]);
    const pdfBytes = await readFile((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.context().close();

    // A supervisor: team and centre figures only, no one's row, no weights editor.
    const supervisor = await staffPage(browser, "supervisor", "supervisor", locale, DESK);
    await supervisor.goto("/supervisor/qa/assessment");
    await supervisor.getByTestId("qa-as-month").selectOption(month.month);
    await supervisor.getByTestId("qa-as-show").click();
    await expect(supervisor.getByTestId("qa-as-centre")).toBeVisible();
    await expect(supervisor.getByTestId("qa-as-aggregate")).toBeVisible();
    await expect(supervisor.getByTestId("qa-as-ranked")).toHaveCount(0);
    await expect(supervisor.getByTestId("qa-as-weights")).toHaveCount(0);
    await expect(supervisor.getByText(month.ranked[0]!.name, { exact: true })).toHaveCount(0);
    await expectAccessible(supervisor, `monthly assessment, supervisor (${locale})`);
    await expectFits(supervisor, `monthly assessment, supervisor (${locale})`);
    await supervisor.context().close();
  });
}
