import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage } from "./helpers/api.js";

/**
 * Issue 13: an admin issues an integrator a key and sees a webhook delivered. In the supervisor app
 * (zh-CN and en) the admin creates an integrator with scopes (the key is shown once), adds a webhook
 * to a receiver on this machine (refused as a private address until the admin allows it), the
 * integrator creates a ticket with its key, the receiver gets the signed `ticket.received` event
 * (signature checked here with plain HMAC-SHA256), and the delivery log shows it delivered. axe passes.
 */
/** Desk size (the header must fit at 1440 px; CIVICLINE_E2E_WIDE=1 checks the page apart from the header). */
const VIEWPORT = process.env.CIVICLINE_E2E_WIDE ? { width: 1920, height: 1080 } : { width: 1440, height: 1000 };
let receiver: Server;
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("received, thank you");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});

test.afterAll(() => {
  receiver?.closeAllConnections();
  receiver?.close();
});

async function logCallWithKey(request: APIRequestContext, key: string): Promise<string> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(request, "{ categories { id code } areas { id nameZh } }");
  const district = catalog.areas.find((area) => area.nameZh === "张店区")!.id;
  const response = await request.post("/graphql", {
    headers: { "content-type": "application/json", "x-api-key": key },
    data: {
      query: "mutation($input: LogCallInput!) { logCall(input: $input) { trackingNumber } }",
      variables: {
        input: {
          channel: "API",
          requestType: "COMPLAINT",
          categoryId: catalog.categories.find((category) => category.code === "URBAN.NOISE")!.id,
          description: "小区旁工地夜间施工，噪音很大，影响休息。",
          districtId: district,
          address: "张店区共青团西路 88 号",
          citizenName: "王先生",
          phone: "13812345678",
        },
      },
    },
  });
  const body = (await response.json()) as { data?: { logCall: { trackingNumber: string } }; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.logCall.trackingNumber;
}

for (const [lang, locale, title, deliveredLabel] of [
  ["zh-CN", "zh-CN", "对接系统、API 密钥与回调", "已送达"],
  ["en", "en", "Integrators, API keys and webhooks", "Delivered"],
] as const) {
  test(`an admin issues a key and sees a webhook delivered (${lang})`, async ({ browser, request }) => {
    const admin = await staffPage(browser, "supervisor", "admin", locale, VIEWPORT);
    await admin.goto("/supervisor/admin/integrators");
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(admin, `integrators (${lang})`);

    // A new integrator with three scopes: the key appears once.
    const name = `E2E city app ${lang} ${randomUUID().slice(0, 6)}`;
    await admin.getByTestId("integrator-create").click();
    await expect(admin.locator(".field--invalid").first()).toBeVisible();
    await admin.getByTestId("integrator-name").fill(name);
    for (const scope of ["TICKETS_WRITE", "TICKETS_READ", "WEBHOOKS"]) {
      await admin.getByTestId(`scope-${scope}`).check();
    }
    await admin.getByTestId("integrator-create").click();
    const key = (await admin.getByTestId("issued-key-value").textContent())!.trim();
    expect(key).toMatch(/^cl_/);
    const section = admin.getByTestId("integrator-section").filter({ has: admin.getByRole("heading", { name }) });
    await expect(section.getByTestId("key-row")).toHaveCount(1);
    await expect(section.getByTestId("key-row")).not.toContainText(key);
    await expectAccessible(admin, `key issued (${lang})`);

    // A receiver on this machine: refused as a private address until the admin allows it.
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/civicline/${lang}`;
    await section.locator("summary").click();
    await section.getByTestId("webhook-url").fill(url);
    await section.getByTestId("webhook-add").click();
    await expect(section.locator(".field--invalid")).toHaveCount(1);
    await section.getByTestId("webhook-allow-private").check();
    await section.getByTestId("webhook-add").click();
    const secret = (await admin.getByTestId("signing-secret-value").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(section.getByTestId("webhook-row")).toHaveCount(1);
    await expectAccessible(admin, `webhook added (${lang})`);

    // The integrator creates a ticket with its key; its receiver hears about it, signed.
    const trackingNumber = await logCallWithKey(request, key);
    await expect.poll(() => received.filter((hit) => hit.body.includes(trackingNumber)).length, { timeout: 20_000 }).toBe(1);
    const hit = received.find((entry) => entry.body.includes(trackingNumber))!;
    const timestamp = String(hit.headers["x-civicline-timestamp"]);
    const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${hit.body}`).digest("hex")}`;
    expect(hit.headers["x-civicline-signature"]).toBe(expected);
    expect(JSON.parse(hit.body)).toMatchObject({ type: "ticket.received", id: hit.headers["x-civicline-event-id"], data: { trackingNumber } });

    // The delivery log shows it delivered, with the receiver's answer.
    await section.getByTestId("webhook-deliveries").click();
    const row = admin.getByTestId("delivery-row").first();
    await expect(row).toHaveAttribute("data-status", "DELIVERED", { timeout: 15_000 });
    await expect(row).toContainText(deliveredLabel);
    await expect(row).toContainText("received, thank you");
    await expect(row).toContainText(String(hit.headers["x-civicline-event-id"]));
    await expectAccessible(admin, `webhook deliveries (${lang})`);
    if (lang === "en") {
      await admin.screenshot({ path: "../../apps/supervisor/docs/admin-webhook-deliveries.png" });
      await admin.goto("/supervisor/admin/integrators");
      await expect(admin.getByTestId("integrator-section").first()).toBeVisible();
      await admin.screenshot({ path: "../../apps/supervisor/docs/admin-integrators.png" });
    }
    await admin.context().close();
  });
}
