import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { gql, staffPage as loggedIn } from "./helpers/api.js";
import { pickInCombobox } from "./helpers/combobox.js";
import { codeIn, nextSms } from "./helpers/citizen.js";

const staffPage = (browser: Browser, username: string, locale: string): Promise<Page> => loggedIn(browser, "operator", username, locale);

/** A citizen's request about school bullying in 张店区, submitted on the portal; returns its tracking number. */
async function submitBullyingRequest(request: APIRequestContext, marker: string): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(
    request,
    "{ categories { id code } areas { id nameZh } }",
  );
  const data = await gql<{ submitRequest: { trackingNumber: string } }>(
    request,
    "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }",
    {
      i: {
        requestType: "COMPLAINT",
        categoryId: catalog.categories.find((c) => c.code === "EDU.BULLYING")!.id,
        description: `孩子在学校多次被同学欺负，请教育部门调查处理。${marker}`,
        districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 10 号",
        citizenName: "刘女士",
        phone: "13811112222",
      },
    },
  );
  return data.submitRequest.trackingNumber;
}

test("dispatch → sign for → extension approved moves the deadline → reply; a return is re-dispatched to another unit", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const locale = "zh-CN";
  const first = await submitBullyingRequest(request, "e2e-一");
  const second = await submitBullyingRequest(request, "e2e-二");

  // The dispatcher sends both to the proposed unit (the education bureau) in one action each.
  const dispatcher = await staffPage(browser, "dispatcher", locale);
  await dispatcher.goto("/operator/dispatch");
  for (const number of [first, second]) {
    const row = dispatcher.getByTestId("dispatch-row").filter({ hasText: number });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId("dispatch-proposal")).toContainText("教育局");
    await row.getByTestId("dispatch-row-submit").click();
    await expect(dispatcher.getByTestId("dispatch-row").filter({ hasText: number })).toHaveCount(0, { timeout: 15_000 });
  }

  // The unit signs for the first, asks for an extension, and later replies.
  const handler = await staffPage(browser, "handler", locale);
  await handler.goto("/operator/workbench");
  const row = handler.getByTestId("inbox-row").filter({ hasText: first });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  const panel = handler.getByTestId("assignment-detail");
  await panel.getByTestId("sign-for").click();
  await expect(panel.getByTestId("sign-for")).toHaveCount(0, { timeout: 10_000 });
  const deadlineBefore = await panel.getByTestId("deadline-completion").getAttribute("datetime");
  expect(deadlineBefore).toBeTruthy();
  await panel.getByTestId("request-extension").click();
  await panel.getByTestId("extension-days").fill("3");
  await panel.getByTestId("extension-reason").fill("需要调取学校监控并约谈多方家长，五个工作日内无法办结。");
  await panel.getByTestId("extension-submit").click();
  await expect(panel.getByTestId("extension-state")).toBeVisible({ timeout: 10_000 });

  // A supervisor approves it; the deadline the unit sees moves.
  const supervisorContext = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto("/supervisor/");
  await supervisor.locator("[data-testid=login-form] input").first().fill("supervisor");
  await supervisor.locator("[data-testid=login-form] input[type=password]").fill("civicline-demo");
  await supervisor.getByTestId("login-submit").click();
  await expect(supervisor.getByTestId("login-form")).toHaveCount(0);
  await supervisor.goto("/supervisor/routing/extensions");
  const card = supervisor.getByTestId("extension-requests").locator("li").filter({ hasText: first });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await card.getByTestId("extension-approve").click();
  await expect(supervisor.getByTestId("extension-requests").locator("li").filter({ hasText: first })).toHaveCount(0, { timeout: 10_000 });
  await expect
    .poll(async () => panel.getByTestId("deadline-completion").getAttribute("datetime"), { timeout: 15_000 })
    .not.toBe(deadlineBefore);
  const deadlineAfter = await panel.getByTestId("deadline-completion").getAttribute("datetime");
  expect(new Date(deadlineAfter!).getTime()).toBeGreaterThan(new Date(deadlineBefore!).getTime());

  await panel.getByTestId("reply-ticket").click();
  await panel.getByTestId("reply-outcome").selectOption("RESOLVED");
  await panel.getByTestId("reply-text").fill("经调查，学校已对涉事学生进行批评教育并通知家长，班主任加强管理。");
  await panel.getByTestId("reply-submit").click();
  await expect(panel.getByTestId("action-done")).toBeVisible({ timeout: 10_000 });
  await handler.screenshot({ path: "test-results/workbench-replied.png" });

  // The second is returned as not the bureau's; the dispatcher re-dispatches it to another unit.
  await handler.getByTestId("inbox-row").filter({ hasText: second }).click();
  await expect(panel).toContainText(second);
  await panel.getByTestId("sign-for").click();
  await expect(panel.getByTestId("sign-for")).toHaveCount(0, { timeout: 10_000 });
  await panel.getByTestId("return-ticket").click();
  await panel.getByTestId("return-reason").selectOption("NOT_OUR_JURISDICTION");
  await panel.getByTestId("return-text").fill("该事项发生在校外培训机构，不属于教育局直属学校管理范围。");
  await panel.getByTestId("return-submit").click();
  await panel.getByTestId("return-confirm").click();
  await expect(panel.getByTestId("action-done")).toBeVisible({ timeout: 15_000 });

  await dispatcher.reload();
  const returned = dispatcher.getByTestId("dispatch-row").filter({ hasText: second });
  await expect(returned).toBeVisible({ timeout: 15_000 });
  await expect(returned.getByTestId("dispatch-returned")).toBeVisible();
  await returned.getByTestId("dispatch-row-open").click();
  const decision = dispatcher.getByTestId("return-decision");
  await pickInCombobox(decision.getByTestId("dispatch-unit-picker"), "市场监督");
  await decision.getByTestId("return-accept").click();
  await expect(dispatcher.getByTestId("dispatch-row").filter({ hasText: second })).toHaveCount(0, { timeout: 15_000 });

  // The citizen's timeline shows the public steps of the first request.
  await gql(request, `mutation($n: String!) { requestTrackingCode(trackingNumber: $n, phone: "13811112222") { sentTo } }`, { n: first });
  const code = codeIn((await nextSms(request, "13811112222", "tracking-code")).text);
  const access = await gql<{ verifyTrackingCode: { accessToken: string } }>(
    request,
    `mutation($n: String!, $c: String!) { verifyTrackingCode(trackingNumber: $n, phone: "13811112222", code: $c) { accessToken } }`,
    { n: first, c: code },
  );
  const track = await gql<{ trackTicket: { status: string } }>(
    request,
    `query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) { status } }`,
    { n: first, t: access.verifyTrackingCode.accessToken },
  );
  expect(track.trackTicket.status).toBe("REPLIED");
  await supervisorContext.close();
  await dispatcher.context().close();
  await handler.context().close();
});
