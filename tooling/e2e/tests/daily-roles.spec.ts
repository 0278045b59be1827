import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { staffPage } from "./helpers/api.js";

/**
 * Issue 16 bug 10: every demo login lands on a page of its own in each staff app, sees only what it
 * may use (no 新建工单 / 来电受理 for QA), and never lands on "not allowed"; a role with nothing in
 * the supervisor app is told where its work is.
 */
const LANDING: Record<string, { operator: string; supervisor: string }> = {
  operator: { operator: "queue", supervisor: "elsewhere" },
  dispatcher: { operator: "dispatch-count", supervisor: "chasing-page" },
  handler: { operator: "inbox-count", supervisor: "joint-cases" },
  callback: { operator: "callback-queue", supervisor: "elsewhere" },
  qa: { operator: "kb-search-input", supervisor: "qa-queue-page" },
  supervisor: { operator: "queue", supervisor: "chasing-page" },
  leader: { operator: "queue", supervisor: "leader-page" },
  admin: { operator: "queue", supervisor: "queue-total" },
  // an operator who leads a QA team (no role of its own) lands on the QA appeals to decide
  teamlead: { operator: "queue", supervisor: "qa-appeals-page" },
};
/** Logins whose role is call-taker (OPERATOR): they are offered the call desk. */
const CALL_TAKERS = ["operator", "teamlead"];
const NOT_ALLOWED = /您的账号无权执行此操作|does not have permission/;

for (const locale of ["zh-CN", "en"] as const) {
  test(`every demo login lands on a page of its own in both staff apps (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    for (const [login, landing] of Object.entries(LANDING)) {
      for (const app of ["operator", "supervisor"] as const) {
        const page = await staffPage(browser, app, login, locale);
        await expect(page.getByTestId(landing[app]), `${login} in ${app}`).toBeVisible({ timeout: 15_000 });
        await expect(page.locator("main")).not.toContainText(NOT_ALLOWED);
        const nav = page.getByRole("navigation").first();
        if (app === "operator") {
          const callDesk = nav.getByRole("link", { name: locale === "en" ? "Call" : "来电受理", exact: true });
          if (CALL_TAKERS.includes(login)) {
            await expect(callDesk).toHaveCount(1);
          } else {
            await expect(callDesk, `${login} is not offered the call desk`).toHaveCount(0);
            await expect(page.getByTestId("new-call")).toHaveCount(0);
          }
        }
        if (landing[app] === "elsewhere") {
          await expect(page.getByTestId("elsewhere-link")).toHaveAttribute("href", /\/operator\/$/);
        }
        if (login === "qa" || login === "handler" || login === "teamlead" || landing[app] === "elsewhere") {
          await expectAccessible(page, `${login} landing in ${app} (${locale})`);
        }
        await page.context().close();
      }
    }
  });
}
