import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDevRoutes } from "../dev-routes.js";
import { citizenAccessToken, devSms } from "./citizen.js";
import { pickSliceIds, startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
let ids: Awaited<ReturnType<typeof pickSliceIds>>;

beforeAll(async () => {
  gateway = await startTestGateway();
  ids = await pickSliceIds(gateway);
});
afterAll(() => gateway?.stop());

/** A real 1×1 PNG. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082", "hex");

function uploadPhoto(body: Buffer, headers: Record<string, string> = {}) {
  return fetch(`${gateway.url}/uploads`, { method: "POST", headers: { "content-type": "image/png", "x-filename": "photo.png", ...headers }, body });
}

const SUBMIT = `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber smsSentTo } }`;

function request(overrides: Record<string, unknown> = {}) {
  return {
    requestType: "COMPLAINT",
    categoryId: ids.categoryId,
    description: "路口的红绿灯坏了三天，早晚高峰很危险。",
    districtId: ids.districtId,
    townshipId: ids.townshipId,
    address: "张店区柳泉路与华光路路口",
    citizenName: "周女士",
    phone: "13755556666",
    ...overrides,
  };
}

describe("GET /dev/sms", () => {
  it("exists only with the development SMS sender, for admins", async () => {
    const app = express();
    mountDevRoutes(app, { ...gateway.app.services, config: { ...gateway.app.services.config, smsSender: "webhook" } });
    const server = app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${port}/dev/sms`)).status).toBe(404);
    } finally {
      server.close();
    }
    // Outside NODE_ENV=development only an admin reads them: the texts hold one-time codes.
    expect((await fetch(`${gateway.url}/dev/sms`)).status).toBe(401);
    const operator = await gateway.login("operator");
    expect((await fetch(`${gateway.url}/dev/sms`, { headers: { cookie: operator } })).status).toBe(403);
    const admin = await gateway.login("admin");
    expect((await fetch(`${gateway.url}/dev/sms`, { headers: { cookie: admin } })).status).toBe(200);
  });
});

describe("the citizen portal through HTTP and GraphQL", () => {
  it("uploads a photo without logging in, submits with it and gets the tracking number by SMS", async () => {
    const uploaded = await uploadPhoto(PNG);
    expect(uploaded.status).toBe(201);
    const photo = (await uploaded.json()) as { id: string; uploadKey: string; contentType: string };
    expect(photo.contentType).toBe("image/png");

    const submitted = await gateway.gql<{ submitRequest: { trackingNumber: string; smsSentTo: string } }>(SUBMIT, {
      input: request({ attachments: [{ id: photo.id, uploadKey: photo.uploadKey }], sendTrackingSms: true, privacy: "ANONYMOUS", clientRequestId: "5b0c9d6e-portal-test-0001" }),
    });
    expect(submitted.errors).toBeUndefined();
    const { trackingNumber, smsSentTo } = submitted.data!.submitRequest;
    expect(smsSentTo).toBe("137****6666");
    await expect.poll(async () => (await devSms(gateway.url, "13755556666")).map((m) => m.purpose)).toContain("tracking-number");
    const [sms] = await devSms(gateway.url, "13755556666");
    expect(sms!.text).toContain(trackingNumber);
    expect(sms!.text).toContain(`/track?n=${trackingNumber}`);

    const again = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(SUBMIT, { input: request({ clientRequestId: "5b0c9d6e-portal-test-0001" }) });
    expect(again.data!.submitRequest.trackingNumber).toBe(trackingNumber);

    const short = await fetch(`${gateway.url}/track?n=${trackingNumber}`, { redirect: "manual" });
    expect(short.status).toBe(302);
    expect(short.headers.get("location")).toBe(`/portal/track?n=${trackingNumber}`);
  });

  it("takes a portal photo as a citizen's even with a staff session in the browser", async () => {
    const cookie = await gateway.login("operator");
    const response = await uploadPhoto(PNG, { cookie, "x-portal-upload": "1" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ uploadKey: expect.any(String) });
    const staff = await uploadPhoto(PNG, { cookie });
    expect(await staff.json()).not.toHaveProperty("uploadKey");
  });

  it("refuses anonymous uploads that are not photos or are too large", async () => {
    const pdf = await uploadPhoto(Buffer.from("%PDF-1.4 fake"), { "content-type": "application/pdf", "x-filename": "a.pdf" });
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ error: { code: "INTAKE/UPLOAD_UNSUPPORTED_TYPE" } });
    const big = await uploadPhoto(Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1)]));
    expect(big.status).toBe(413);
  });

  it("opens a request with a one-time code; a wrong code counts down and the token reads this request only", async () => {
    const first = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(SUBMIT, { input: request({ phone: "13755557777" }) });
    const other = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(SUBMIT, { input: request({ phone: "13755558888" }) });
    const trackingNumber = first.data!.submitRequest.trackingNumber;

    const token = await citizenAccessToken(gateway.url, trackingNumber, "137 5555 7777");
    const TRACK = `query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) { trackingNumber status address description reply { text } timeline { status } } }`;
    const tracked = await gateway.gql(TRACK, { n: trackingNumber, t: token });
    expect(tracked).toEqual({
      data: { trackTicket: { trackingNumber, status: "RECEIVED", address: "张店区柳泉路与华光路路口", description: "路口的红绿灯坏了三天，早晚高峰很危险。", reply: null, timeline: [{ status: "RECEIVED" }] } },
    });
    const foreign = await gateway.gql(TRACK, { n: other.data!.submitRequest.trackingNumber, t: token });
    expect(foreign.errors?.[0]?.extensions?.code).toBe("INTAKE/TRACKING_ACCESS_INVALID");

    const otherNumber = other.data!.submitRequest.trackingNumber;
    await gateway.gql(`mutation($n: String!) { requestTrackingCode(trackingNumber: $n, phone: "13755558888") { sentTo } }`, { n: otherNumber });
    await expect.poll(async () => (await devSms(gateway.url, "13755558888")).length).toBe(1);
    const [message] = await devSms(gateway.url, "13755558888");
    const wrongCode = message!.text.includes("000000") ? "000001" : "000000";
    const wrong = await gateway.gql(`mutation($n: String!, $c: String!) { verifyTrackingCode(trackingNumber: $n, phone: "13755558888", code: $c) { accessToken } }`, { n: otherNumber, c: wrongCode });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: "INTAKE/OTP_INVALID", attemptsLeft: 4, fields: [{ field: "code", code: "OTP_INVALID" }] } });
    const tooSoon = await gateway.gql(`mutation($n: String!) { requestTrackingCode(trackingNumber: $n, phone: "13755558888") { sentTo } }`, { n: otherNumber });
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: "INTAKE/OTP_RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
  });

  it("tells the portal whether a map can be shown", async () => {
    expect(await gateway.gql("{ portalSettings { mapTileUrl smsEnabled } }")).toEqual({ data: { portalSettings: { mapTileUrl: null, smsEnabled: true } } });
  });
});
