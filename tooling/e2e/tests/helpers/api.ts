import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = "civicline-demo";

/** POSTs a GraphQL document, as staff when `token` is given; fails the test on errors. */
export async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await request.post("/graphql", {
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    data: { query, variables },
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** Logs a demo account in through the API; answers its bearer token. */
export async function staffToken(request: APIRequestContext, username: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(request, `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }`, {
    u: username,
    p: DEMO_PASSWORD,
  });
  return data.login.token;
}

/**
 * The centre handles a request through the API: the dispatcher sends it to `unitCode`, the demo
 * handler of that unit signs for it and replies with `replyText`.
 */
export async function dispatchAndReply(request: APIRequestContext, trackingNumber: string, options: { unitCode: string; handler: string; replyText: string }): Promise<void> {
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
  const leadUnitId = units.units.find((unit) => unit.code === options.unitCode)!.id;
  await gql(request, "mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId } }, dispatcher);
  const handler = await staffToken(request, options.handler);
  await gql(request, "mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: item!.ticket.id }, handler);
  await gql(request, "mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { id } }", { t: item!.ticket.id, i: { outcome: "RESOLVED", text: options.replyText } }, handler);
}

/** A browser page of a staff app (`operator` or `supervisor`), logged in as a demo account. */
export async function staffPage(browser: Browser, app: "operator" | "supervisor", username: string, locale: string, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(`/${app}/`);
  await page.locator("[data-testid=login-form] input").first().fill(username);
  await page.locator("[data-testid=login-form] input[type=password]").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-form")).toHaveCount(0);
  // Pages are lazy chunks: wait until the landing page has loaded (its keyboard shortcuts are live then).
  await expect(page.locator("main")).toBeVisible();
  await expect(page.locator("p.loading[role=status]")).toHaveCount(0, { timeout: 15_000 });
  return page;
}
