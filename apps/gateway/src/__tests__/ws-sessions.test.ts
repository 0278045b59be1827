import { endSessionsOfUser, hashToken } from "@civicline/platform";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../app.js";
import { startTestGateway, type TestGateway } from "./harness.js";
import { follow, logTicket, openSocket, type Feed, type SocketProbe } from "./ws-probe.js";

const TICKETS = "subscription { ticketReceived { id citizenPhone } }";
type Received = { ticketReceived: { id: string; citizenPhone: string } };

let gateway: TestGateway;
/** A second gateway instance on the same database: sessions end across instances. */
let second: RunningApp;
const clients: Client[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
  second = await startApp({ databaseUrl: gateway.db.url, port: 0, seedDemoOnEmpty: false, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await second?.stop();
  await gateway?.stop();
});

async function connect(baseUrl: string, cookie: string): Promise<SocketProbe> {
  const probe = openSocket(baseUrl, { cookie });
  clients.push(probe.client);
  await probe.connected;
  return probe;
}

function logout(baseUrl: string, cookie: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "mutation { logout }" }) });
}

function has(ticketId: string): (feed: Feed<Received>) => boolean {
  return (feed) => feed.data.some((entry) => entry.ticketReceived.id === ticketId);
}

async function userIdOf(cookie: string): Promise<string> {
  return (await gateway.gql<{ me: { id: string } }>("{ me { id } }", undefined, cookie)).data!.me.id;
}

describe("a subscription socket ends with its session", () => {
  it("logging out on one instance closes that session's socket on another, and no more tickets reach it", async () => {
    const leaving = await gateway.login("operator");
    const staying = await gateway.login("operator");
    const leavingSocket = await connect(second.url, leaving);
    const stayingSocket = await connect(second.url, staying);
    const leavingFeed = follow<Received>(leavingSocket.client, TICKETS);
    const stayingFeed = follow<Received>(stayingSocket.client, TICKETS);
    const first = await logTicket(gateway, staying, "13900001111");
    await Promise.all([leavingFeed.until(has(first)), stayingFeed.until(has(first))]);
    expect(leavingFeed.data.find((entry) => entry.ticketReceived.id === first)?.ticketReceived.citizenPhone).toBe("13900001111");

    expect((await logout(gateway.url, leaving)).status).toBe(200);
    const closed = await leavingSocket.closed;
    expect(closed).toEqual({ code: 4401, reason: "Logged out" });

    const received = leavingFeed.data.length;
    const after = await logTicket(gateway, staying, "13900002222");
    await stayingFeed.until(has(after));
    expect(leavingFeed.data).toHaveLength(received);
    expect(JSON.stringify(leavingFeed.data)).not.toContain("13900002222");
  });

  it("ends every socket of a user whose sessions are ended (deactivation), on every instance", async () => {
    const desk = await gateway.login("dispatcher");
    const phone = await gateway.login("dispatcher");
    const onFirst = await connect(gateway.url, desk);
    const onSecond = await connect(second.url, phone);
    follow<Received>(onFirst.client, TICKETS);
    follow<Received>(onSecond.client, TICKETS);

    await endSessionsOfUser({ dataSource: gateway.app.services.dataSource, userId: await userIdOf(desk) });
    expect(await onFirst.closed).toEqual({ code: 4401, reason: "Session ended" });
    expect(await onSecond.closed).toEqual({ code: 4401, reason: "Session ended" });
    expect((await gateway.gql("{ me { id } }", undefined, phone)).data?.me).toBeNull();
  });

  it("closes the socket when the session expires while it is open", async () => {
    const cookie = await gateway.login("supervisor");
    const token = decodeURIComponent(cookie.split("=")[1]!);
    await gateway.db.dataSource.query("UPDATE platform_session SET expires_at = now() + interval '3 seconds' WHERE token_hash = $1", [hashToken(token)]);
    const socket = await connect(gateway.url, cookie);
    follow<Received>(socket.client, TICKETS);
    // Only a socket opened with a live session is closed for its expiry (an unknown one is anonymous).
    expect(await socket.closed).toEqual({ code: 4401, reason: "Session expired" });
  });
});
