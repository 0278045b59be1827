import { expect, test } from "@playwright/test";
import { staffPage } from "./helpers/api.js";

// A session ended on the server (here: logged out from another place with the same cookie) closes the
// console's live socket at once (close code 4401); the app does not reconnect anonymously but shows
// the login page, and signing in again brings the live queue back.
for (const locale of ["zh-CN", "en"]) {
  test(`a console whose session ends is taken to the login page (${locale})`, async ({ browser }) => {
    const page = await staffPage(browser, "operator", "operator", locale);
    const sockets: Array<{ closed: boolean }> = [];
    page.on("websocket", (socket) => {
      const entry = { closed: false };
      sockets.push(entry);
      socket.on("close", () => {
        entry.closed = true;
      });
    });
    await page.reload();
    await expect(page.getByTestId("login-form")).toHaveCount(0);
    await expect.poll(() => sockets.length, { timeout: 15_000 }).toBeGreaterThan(0);

    const response = await page.request.post("/graphql", { headers: { "content-type": "application/json" }, data: { query: "mutation { logout }" } });
    expect(response.ok()).toBe(true);

    await expect(page.getByTestId("login-form")).toBeVisible();
    expect(sockets.every((socket) => socket.closed)).toBe(true);
  });
}
