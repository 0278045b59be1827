import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

/**
 * Issue 18: in-app notifications reach the right people only, and live — the unread count is
 * pushed over a real WebSocket (graphql-ws) to the person concerned and to no one else.
 */
let gateway: TestGateway;
const clients: Client[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

type Count = { notificationCountChanged: { unread: number } };
type Listing = { myNotifications: { unread: number; items: Array<{ id: string; kind: string; titleKey: string; params: Array<{ name: string; value: string }>; link: string | null; readAt: string | null }> } };
const LIST = "{ myNotifications(limit: 100) { unread items { id kind titleKey params { name value } link readAt } } }";

async function listen(cookie: string | undefined): Promise<{ received: number[]; errors: unknown[] }> {
  const client = gateway.wsClient(cookie);
  clients.push(client);
  const received: number[] = [];
  const errors: unknown[] = [];
  await subscribedOn(
    gateway.app,
    () =>
      client.subscribe<Count>(
        { query: "subscription { notificationCountChanged { unread } }" },
        {
          next: (value) => (value.data ? received.push(value.data.notificationCountChanged.unread) : errors.push(value.errors)),
          error: (error) => errors.push(error),
          complete: () => undefined,
        },
      ),
    () => errors.length > 0,
  );
  return { received, errors };
}

async function call<T>(query: string, variables: Record<string, unknown>, cookie?: string): Promise<T> {
  const result = await gateway.gql<T>(query, variables, cookie);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const unreadOf = async (cookie: string) => (await call<Listing>(LIST, {}, cookie)).myNotifications.unread;

describe("notifications over a real WebSocket", () => {
  it("push a review waiting to the reviewers and the decision to the editor, not to a call-taker; read/unread per person", async () => {
    const [handler, supervisor, admin, operator] = await Promise.all([gateway.login("handler"), gateway.login("supervisor"), gateway.login("admin"), gateway.login("operator")]);
    const { me } = await call<{ me: { unitId: string } }>("{ me { unitId } }", {}, handler);
    const { categories } = await call<{ categories: Array<{ id: string; code: string }> }>("{ categories { id code } }", {}, handler);
    const before = { supervisor: await unreadOf(supervisor), admin: await unreadOf(admin), handler: await unreadOf(handler), operator: await unreadOf(operator) };
    const [toSupervisor, toAdmin, toHandler, toOperator] = await Promise.all([listen(supervisor), listen(admin), listen(handler), listen(operator)]);

    const input = {
      title: "通知测试：公租房申请材料",
      summary: "申请公租房需提供身份证和收入证明。",
      body: "需提供身份证、户口簿和收入证明。",
      categoryIds: [categories.find((c) => c.code === "URBAN.NOISE")!.id],
      keywords: ["公租房"],
      owningUnitId: me.unitId,
      audience: "INTERNAL",
      language: "ZH_CN",
      effectiveFrom: "2025-01-01",
    };
    const { createArticle: created } = await call<{ createArticle: { id: string; lockVersion: number } }>("mutation($i: ArticleInput!) { createArticle(input: $i) { id lockVersion } }", { i: input }, handler);
    const { submitArticleForReview: submitted } = await call<{ submitArticleForReview: { lockVersion: number } }>(
      "mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { lockVersion } }",
      { id: created.id, v: created.lockVersion },
      handler,
    );
    await expect.poll(() => toSupervisor.received, { timeout: 10_000 }).toEqual([before.supervisor + 1]);
    await expect.poll(() => toAdmin.received, { timeout: 10_000 }).toEqual([before.admin + 1]);
    const waiting = (await call<Listing>(LIST, {}, admin)).myNotifications.items[0]!;
    expect(waiting).toMatchObject({ kind: "knowledge.review_waiting", titleKey: "notify.knowledge.reviewWaiting", link: "knowledge/review", readAt: null });
    expect(waiting.params).toContainEqual({ name: "title", value: input.title });

    await call("mutation($id: ID!, $v: Int!) { reviewArticle(id: $id, lockVersion: $v, decision: SEND_BACK, comment: \"请补充办理地点\") { id } }", { id: created.id, v: submitted.lockVersion }, admin);
    await expect.poll(() => toHandler.received, { timeout: 10_000 }).toEqual([before.handler + 1]);
    const sentBack = (await call<Listing>(LIST, {}, handler)).myNotifications.items[0]!;
    expect(sentBack).toMatchObject({ kind: "knowledge.review_sent_back", link: `knowledge/articles/${created.id}` });
    expect(sentBack.params).toContainEqual({ name: "comment", value: "请补充办理地点" });

    const { markNotificationsRead } = await call<{ markNotificationsRead: { unread: number } }>("mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { unread } }", { ids: [sentBack.id, waiting.id] }, handler);
    expect(markNotificationsRead.unread).toBe(before.handler);
    await expect.poll(() => toHandler.received, { timeout: 10_000 }).toEqual([before.handler + 1, before.handler]);
    expect((await call<Listing>(LIST, {}, admin)).myNotifications.items.find((n) => n.id === waiting.id)!.readAt).toBeNull();

    await pubsubSettled(gateway.app);
    expect(toOperator.received).toEqual([]);
    expect(toSupervisor.received).toEqual([before.supervisor + 1]);
    expect(await unreadOf(operator)).toBe(before.operator);
    for (const listener of [toSupervisor, toAdmin, toHandler, toOperator]) {
      expect(listener.errors).toEqual([]);
    }
  });

  it("refuses the list and the live count to anyone not signed in", async () => {
    expect((await gateway.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const anonymous = await listen(undefined);
    expect(anonymous.errors.length).toBeGreaterThan(0);
  });
});
