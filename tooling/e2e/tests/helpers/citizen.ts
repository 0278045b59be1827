import { expect, type APIRequestContext } from "@playwright/test";
import { staffToken } from "./api.js";

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
