import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

function upload(body: string | Buffer, headers: Record<string, string>) {
  return fetch(`${gateway.url}/uploads`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("file uploads and downloads", () => {
  it("stores an upload for a logged-in user and gives it back only to its owner or an admin", async () => {
    const supervisor = await gateway.login("supervisor");
    const content = JSON.stringify([{ title: "供暖时间", body: "每年11月15日开始供暖" }]);
    const response = await upload(content, { cookie: supervisor, "x-filename": encodeURIComponent("知识库 导入.json") });
    expect(response.status).toBe(201);
    const file = (await response.json()) as { id: string; filename: string; size: number };
    expect(file).toMatchObject({ filename: "知识库 导入.json", size: Buffer.byteLength(content) });

    const own = await fetch(`${gateway.url}/files/${file.id}`, { headers: { cookie: supervisor } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe(content);
    expect(own.headers.get("content-disposition")).toContain(encodeURIComponent("知识库 导入.json"));

    const admin = await fetch(`${gateway.url}/files/${file.id}`, { headers: { cookie: await gateway.login("admin") } });
    expect(admin.status).toBe(200);
    const other = await fetch(`${gateway.url}/files/${file.id}`, { headers: { cookie: await gateway.login("operator") } });
    expect(other.status).toBe(404);
    const anonymous = await fetch(`${gateway.url}/files/${file.id}`);
    expect(anonymous.status).toBe(404);
  });

  it("refuses anonymous uploads other than photos, unnamed and empty uploads with a code", async () => {
    expect((await upload("x", { "x-filename": "a.json" })).status).toBe(415);
    const cookie = await gateway.login("supervisor");
    const unnamed = await upload("x", { cookie });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    expect((await upload("", { cookie, "x-filename": "a.json" })).status).toBe(400);
  });

  it("answers a malformed file id with not-found", async () => {
    const cookie = await gateway.login("admin");
    const response = await fetch(`${gateway.url}/files/1%27%20OR%201=1`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });
});
