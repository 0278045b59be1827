import { vi } from "vitest";
import type { GraphQLResponse } from "./harness.js";

async function post<T>(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLResponse<T>;
}

type DevSms = { messages: Array<{ to: string; text: string; purpose: string; createdAt: string }> };

const adminTokens = new Map<string, Promise<string>>();

/** An admin's bearer token on the gateway at `url` (logged in once). */
function adminToken(url: string): Promise<string> {
  let token = adminTokens.get(url);
  if (!token) {
    token = post<{ login: { token: string } }>(url, `mutation { login(input: { username: "admin", password: "civicline-demo" }) { token } }`, {}).then((r) => r.data!.login.token);
    adminTokens.set(url, token);
  }
  return token;
}

/** The texts the development SMS sender recorded for a phone, newest first (GET /dev/sms, admins only). */
export async function devSms(url: string, phone: string): Promise<DevSms["messages"]> {
  const headers = { authorization: `Bearer ${await adminToken(url)}` };
  return ((await (await fetch(`${url}/dev/sms?to=${encodeURIComponent(phone)}`, { headers })).json()) as DevSms).messages;
}

/**
 * What a citizen does on the portal to open a request: asks for a code, reads it from the
 * development SMS sender, verifies it. Returns the access token for `trackTicket`.
 */
export async function citizenAccessToken(url: string, trackingNumber: string, phone: string): Promise<string> {
  const digits = phone.replace(/\D/g, "");
  const before = (await devSms(url, digits)).filter((m) => m.purpose === "tracking-code").length;
  const requested = await post(url, `mutation($n: String!, $p: String!) { requestTrackingCode(trackingNumber: $n, phone: $p) { sentTo } }`, { n: trackingNumber, p: phone });
  if (requested.errors) {
    throw new Error(`requestTrackingCode failed: ${JSON.stringify(requested.errors)}`);
  }
  const code = await vi.waitFor(
    async () => {
      const codes = (await devSms(url, digits)).filter((m) => m.purpose === "tracking-code");
      const texted = codes.length > before ? /(\d{6})/.exec(codes[0]!.text)?.[1] : undefined;
      if (!texted) {
        throw new Error(`no tracking code was texted to ${phone}`);
      }
      return texted;
    },
    { timeout: 15_000, interval: 50 },
  );
  const verified = await post<{ verifyTrackingCode: { accessToken: string } }>(
    url,
    `mutation($n: String!, $p: String!, $c: String!) { verifyTrackingCode(trackingNumber: $n, phone: $p, code: $c) { accessToken } }`,
    { n: trackingNumber, p: phone, c: code },
  );
  if (!verified.data) {
    throw new Error(`verifyTrackingCode failed: ${JSON.stringify(verified.errors)}`);
  }
  return verified.data.verifyTrackingCode.accessToken;
}

/** `trackTicket(trackingNumber, accessToken) { <selection> }` after verifying a code as the citizen. */
export async function trackAsCitizen<T = Record<string, unknown>>(url: string, trackingNumber: string, phone: string, selection: string): Promise<GraphQLResponse<T>> {
  const accessToken = await citizenAccessToken(url, trackingNumber, phone);
  return post<T>(url, `query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) ${selection} }`, { n: trackingNumber, t: accessToken });
}
