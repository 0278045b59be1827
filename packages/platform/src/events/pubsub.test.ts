import "reflect-metadata";
import { pino } from "pino";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "../database/data-source.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { PgPubSub } from "./pubsub.js";

const NOTHING = Symbol("nothing arrived");

let db: TestDatabase;
let secondDataSource: DataSource;
let gatewayA: PgPubSub;
let gatewayB: PgPubSub;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  // Two gateway instances: each has its own pool and its own LISTEN connection on the same database.
  secondDataSource = createDataSource({ url: db.url, entities: platformModule.entities, migrations: [], poolSize: 2 });
  await secondDataSource.initialize();
  const log = pino({ level: "error" }, { write: (line: string) => logLines.push(line) });
  gatewayA = new PgPubSub(db.dataSource, db.url, log);
  gatewayB = new PgPubSub(secondDataSource, db.url, log);
  await Promise.all([gatewayA.start(), gatewayB.start()]);
});

afterAll(async () => {
  await gatewayA?.close();
  await gatewayB?.close();
  await secondDataSource?.destroy();
  await db?.destroy();
});

function subscribe(pubsub: PgPubSub, topic: string): AsyncIterator<unknown> {
  return pubsub.subscribe(topic)[Symbol.asyncIterator]();
}

/** The next value, or NOTHING when none arrives within `ms`. */
async function nextWithin(iterator: AsyncIterator<unknown>, ms: number): Promise<IteratorResult<unknown> | typeof NOTHING> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof NOTHING>((resolve) => {
    timer = setTimeout(() => resolve(NOTHING), ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("PgPubSub across instances", () => {
  it("delivers a message published on one instance to subscribers on both", async () => {
    const onB = subscribe(gatewayB, "ticket.received");
    const onA = subscribe(gatewayA, "ticket.received");
    gatewayA.publish("ticket.received", { ticketId: "ZB2604010" });
    gatewayA.publish("ticket.received", { ticketId: "ZB2604011" });

    // Each publish may go out on a different pooled connection, so the order between them is not fixed.
    const onBValues = [await nextWithin(onB, 5_000), await nextWithin(onB, 5_000)];
    const onAValues = [await nextWithin(onA, 5_000), await nextWithin(onA, 5_000)];
    for (const values of [onBValues, onAValues]) {
      expect(values).toEqual(
        expect.arrayContaining([
          { value: { ticketId: "ZB2604010" }, done: false },
          { value: { ticketId: "ZB2604011" }, done: false },
        ]),
      );
    }
    await onA.return?.();
    await onB.return?.();
  });

  it("delivers only the topic subscribed to", async () => {
    const tickets = subscribe(gatewayB, "ticket.dispatched");
    const calls = subscribe(gatewayB, "call.started");
    gatewayA.publish("call.started", { callId: "c-1" });

    expect(await nextWithin(calls, 5_000)).toEqual({ value: { callId: "c-1" }, done: false });
    // A message reaches every subscriber of its topic in one go: had "call.started" reached the
    // ticket subscriber, it would be queued ahead of this later one.
    gatewayA.publish("ticket.dispatched", { ticketId: "ZB2604014" });
    expect(await nextWithin(tickets, 5_000)).toEqual({ value: { ticketId: "ZB2604014" }, done: false });
    await tickets.return?.();
    await calls.return?.();
  });

  it("counts the open subscriptions of an instance", async () => {
    const before = gatewayB.subscriberCount();
    const first = subscribe(gatewayB, "ticket.counted");
    const second = subscribe(gatewayB, "call.counted");
    expect(gatewayB.subscriberCount()).toBe(before + 2);
    await first.return?.();
    expect(gatewayB.subscriberCount()).toBe(before + 1);
    await second.return?.();
    expect(gatewayB.subscriberCount()).toBe(before);
  });

  it("stops delivery to an iterator once return() is called", async () => {
    const leaving = subscribe(gatewayB, "ticket.updated");
    const staying = subscribe(gatewayB, "ticket.updated");
    const pending = leaving.next();
    await leaving.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });

    gatewayA.publish("ticket.updated", { ticketId: "ZB2604012" });
    expect(await nextWithin(staying, 5_000)).toEqual({ value: { ticketId: "ZB2604012" }, done: false });
    expect(await leaving.next()).toEqual({ value: undefined, done: true });
    await staying.return?.();
  });

  it("refuses a payload too large for NOTIFY without sending it", async () => {
    const subscriber = subscribe(gatewayB, "ticket.bulky");
    const before = logLines.length;
    // 7,950 bytes: PostgreSQL would still take it (limit 8,000), the platform's margin does not.
    gatewayA.publish("ticket.bulky", { text: "x".repeat(7_950 - 40) });
    gatewayA.publish("ticket.bulky", { text: "投诉".repeat(2_000) });
    gatewayA.publish("ticket.bulky", { ticketId: "ZB2604013" });

    expect(await nextWithin(subscriber, 5_000)).toEqual({ value: { ticketId: "ZB2604013" }, done: false });
    gatewayA.publish("ticket.bulky", { ticketId: "ZB2604015" });
    expect(await nextWithin(subscriber, 5_000)).toEqual({ value: { ticketId: "ZB2604015" }, done: false });
    const logged = logLines.slice(before).map((line) => JSON.parse(line) as { msg: string; routingKey?: string });
    expect(logged.map((entry) => entry.msg)).toEqual(["pubsub payload too large; publish ids only", "pubsub payload too large; publish ids only"]);
    expect(logged[0]?.routingKey).toBe("ticket.bulky");
    await subscriber.return?.();
  });
});

describe("PgPubSub retained messages", () => {
  it("gives a subscriber that arrives within the retention the latest message first, on every instance", async () => {
    gatewayB.retainLatest("RING:", 60_000);
    const early = subscribe(gatewayB, "RING:A07");
    gatewayA.publish("RING:A07", { callId: "c-ringing" });
    expect(await nextWithin(early, 5_000)).toEqual({ value: { callId: "c-ringing" }, done: false });

    // The console reconnects while the call still rings: it gets the pop at once.
    const late = subscribe(gatewayB, "RING:A07");
    expect(await nextWithin(late, 1_000)).toEqual({ value: { callId: "c-ringing" }, done: false });
    // Another seat, and a key without retention on that instance, get nothing.
    const otherSeat = subscribe(gatewayB, "RING:A08");
    expect(await nextWithin(otherSeat, 300)).toBe(NOTHING);
    const notRetained = subscribe(gatewayA, "RING:A07");
    expect(await nextWithin(notRetained, 300)).toBe(NOTHING);
    for (const iterator of [early, late, otherSeat, notRetained]) {
      await iterator.return?.();
    }
  });

  it("forgets the retained message once its time has passed", async () => {
    gatewayB.retainLatest("SHORT:", 50);
    const early = subscribe(gatewayB, "SHORT:A09");
    gatewayA.publish("SHORT:A09", { callId: "c-over" });
    expect(await nextWithin(early, 5_000)).toEqual({ value: { callId: "c-over" }, done: false });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const late = subscribe(gatewayB, "SHORT:A09");
    expect(await nextWithin(late, 300)).toBe(NOTHING);
    await early.return?.();
    await late.return?.();
  });
});
