import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../app.js";
import { allEntities, allMigrations } from "../modules.js";
import type { GraphQLResponse } from "./harness.js";

let db: TestDatabase;
let app: RunningApp;
const logLines: Array<{ level: number; msg: string; categoryCode?: string; before?: number; after?: number }> = [];

async function gql<T>(query: string, variables?: Record<string, unknown>, cookie?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "civicline-demo" }) { token } }` }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

beforeAll(async () => {
  db = await createTestDatabase({ entities: allEntities, migrations: allMigrations });
  app = await startApp(
    { databaseUrl: db.url, port: 0, seedDemoOnEmpty: true, logLevel: "info", nodeEnv: "test" },
    { logDestination: { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) } },
  );
});

afterAll(async () => {
  await app?.stop();
  await db?.destroy();
});

type Category = { id: string; code: string; keywords: string[] };
const CATEGORIES = "{ categories { id code keywords } }";
const SET = "mutation($id: ID!, $keywords: [String!]!) { setCategoryKeywords(categoryId: $id, keywords: $keywords) { id keywords } }";

describe("setCategoryKeywords over HTTP", () => {
  it("lets an admin replace a category's keywords, which everyone's category list then shows; logs counts, not words", async () => {
    const admin = await login("admin");
    const [target] = (await gql<{ categories: Category[] }>(CATEGORIES)).data!.categories.filter((c) => c.code.includes("."));
    const saved = await gql<{ setCategoryKeywords: Category }>(SET, { id: target!.id, keywords: [" 坑 ", "坑洼", "Pothole", "POTHOLE"] }, admin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.setCategoryKeywords.keywords).toEqual(["坑", "坑洼", "Pothole"]);
    const after = (await gql<{ categories: Category[] }>(CATEGORIES)).data!.categories.find((c) => c.id === target!.id);
    expect(after!.keywords).toEqual(["坑", "坑洼", "Pothole"]);
    const line = logLines.find((entry) => entry.msg === "category keywords changed");
    expect(line).toMatchObject({ level: 30, categoryCode: target!.code, after: 3 });
    expect(JSON.stringify(line)).not.toContain("坑洼");
  });

  it("answers BAD_USER_INPUT with the field, INTAKE/CATEGORY_NOT_FOUND, FORBIDDEN and UNAUTHENTICATED, storing nothing", async () => {
    const [admin, supervisor] = [await login("admin"), await login("supervisor")];
    const [target] = (await gql<{ categories: Category[] }>(CATEGORIES)).data!.categories.filter((c) => c.code.includes(".")).slice(1);
    const before = target!.keywords;
    const bad = await gql(SET, { id: target!.id, keywords: ["好", "x".repeat(31)] }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "keywords[1]", code: "TOO_LONG" })] });
    expect((await gql(SET, { id: "00000000-0000-4000-8000-000000000000", keywords: ["坑"] }, admin)).errors?.[0]?.extensions?.code).toBe("INTAKE/CATEGORY_NOT_FOUND");
    expect((await gql(SET, { id: target!.id, keywords: ["坑"] }, supervisor)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(SET, { id: target!.id, keywords: ["坑"] })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const after = (await gql<{ categories: Category[] }>(CATEGORIES)).data!.categories.find((c) => c.id === target!.id);
    expect(after!.keywords).toEqual(before);
  });
});
