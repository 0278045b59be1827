import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

type DevSms = { to: string; text: string; purpose: string; createdAt: string };

let adminToken: Promise<string> | undefined;

/** Texts the development SMS sender recorded for a phone, newest first (GET /dev/sms?to=, admins only). */
export async function devSms(request: APIRequestContext, phone: string): Promise<DevSms[]> {
  adminToken ??= staffToken(request, "admin");
  const response = await request.get(`/dev/sms?to=${encodeURIComponent(phone)}`, { headers: { authorization: `Bearer ${await adminToken}` } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { messages: DevSms[] }).messages;
}

/** Waits for the newest text of a purpose to a phone that was not there before (`seen` texts of that purpose). */
export async function nextSms(request: APIRequestContext, phone: string, purpose: string, seen = 0): Promise<DevSms> {
  let found: DevSms | undefined;
  await expect
    .poll(async () => {
      const texts = (await devSms(request, phone)).filter((m) => m.purpose === purpose);
      found = texts.length > seen ? texts[0] : undefined;
      return Boolean(found);
    }, { timeout: 10_000 })
    .toBe(true);
  return found!;
}

/** The 6-digit code in a text. */
export function codeIn(text: string): string {
  const code = /(\d{6})/.exec(text)?.[1];
  expect(code, `no 6-digit code in "${text}"`).toBeTruthy();
  return code!;
}

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
    p: "civicline-demo",
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

/**
 * axe-core (WCAG 2 A and AA rules) on the page as it is now: no violation of serious or critical
 * impact. `state` names the page and state in the failure message.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const severe = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const summary = severe.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, `axe on ${state}`).toEqual([]);
}
