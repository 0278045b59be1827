import { expect, test } from "@playwright/test";
import { staffPage } from "./helpers/api.js";

// A session ended on the server (here: logged out from another place with the same cookie) closes the
// console's live socket at once (close code 4401); the app does not reconnect anonymously but shows
// the login page, and signing in again brings the live queue back.
for (const locale of ["zh-CN", "en"]) {
  test(`a console whose session ends is taken to the login page (${locale})`, async ({ browser }) => {
    const page = await staffPage(browser, "operator", "operator", locale);
    const sockets: Array<{ acknowledged: boolean; closed: boolean }> = [];
    page.on("websocket", (socket) => {
      const entry = { acknowledged: false, closed: false };
      sockets.push(entry);
      socket.on("framereceived", (frame) => {
        entry.acknowledged ||= String(frame.payload).includes('"connection_ack"');
      });
      socket.on("close", () => {
        entry.closed = true;
      });
    });
    await page.reload();
    await expect(page.getByTestId("login-form")).toHaveCount(0);
    // The socket belongs to the session once the gateway has acknowledged it (graphql-ws connection_ack).
    await expect.poll(() => sockets.some((socket) => socket.acknowledged), { timeout: 15_000 }).toBe(true);

    const response = await page.request.post("/graphql", { headers: { "content-type": "application/json" }, data: { query: "mutation { logout }" } });
    expect(response.ok()).toBe(true);

    await expect(page.getByTestId("login-form")).toBeVisible();
    // The session's own sockets were closed (an anonymous one may have opened since; it carries nothing).
    expect(sockets.filter((socket) => socket.acknowledged).length).toBeGreaterThan(0);
    await expect.poll(() => sockets.filter((socket) => socket.acknowledged && !socket.closed).length).toBeLessThanOrEqual(1);
  });
}
