import { readFileSync } from "node:fs";
import { intakeModule } from "@civicline/intake";
import { createLogger, loadConfig, platformModule, User, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { routingModule } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArticles } from "../demo-data/index.js";
import { knowledgeModule } from "../knowledge.module.js";
import { searchArticles } from "../search/article-search.js";
import { knowledgeTestDatabase } from "./factories.js";

type Case = { query: string; expect: string[]; note?: string };

const cases = JSON.parse(readFileSync(new URL("./relevance.json", import.meta.url), "utf8")) as Case[];
const K = 5;

let db: TestDatabase;
let operator: Actor;
let keyById: Map<string, string>;

beforeAll(async () => {
  db = await knowledgeTestDatabase();
  const context = { log: createLogger({ level: "warn" }), config: { ...loadConfig(), cityPrefix: "ZB" } };
  await db.dataSource.transaction(async (manager) => {
    for (const module of [platformModule, intakeModule, routingModule, knowledgeModule]) {
      await module.seedDemo?.({ manager, ...context });
    }
  });
  const user = await db.dataSource.getRepository(User).findOneByOrFail({ username: "operator" });
  operator = { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: null };
  const rows: Array<{ id: string; title: string }> = await db.dataSource.query("SELECT id, title FROM knowledge_article");
  const keyByTitle = new Map(demoArticles.map((a) => [a.title, a.key]));
  keyById = new Map(rows.map((row) => [row.id, keyByTitle.get(row.title)!]));
}, 120_000);
afterAll(() => db?.destroy());

describe("relevance of the demo knowledge base", () => {
  it("has a test set of at least 50 queries that only names demo articles", () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const keys = new Set(demoArticles.map((a) => a.key));
    expect(cases.flatMap((c) => c.expect).filter((key) => !keys.has(key))).toEqual([]);
  });

  it(`finds what each query should find in the top ${K} (recall@${K} ≥ 0.9)`, async () => {
    const misses: string[] = [];
    let sum = 0;
    let firstHit = 0;
    for (const c of cases) {
      const result = await searchArticles({ db: db.dataSource, actor: operator, input: { query: c.query, limit: K } });
      const top = result.hits.map((hit) => keyById.get(hit.article.id));
      const found = c.expect.filter((key) => top.includes(key)).length;
      sum += found / c.expect.length;
      firstHit += c.expect.includes(top[0] ?? "") ? 1 : 0;
      if (found < c.expect.length) {
        misses.push(`${c.query} → wanted ${c.expect.join(", ")}; got ${top.join(", ") || "nothing"}`);
      }
    }
    const recall = sum / cases.length;
    console.log(
      `knowledge search recall@${K}: ${recall.toFixed(3)} over ${cases.length} queries; top hit expected: ${((firstHit / cases.length) * 100).toFixed(0)} %`,
    );
    if (misses.length > 0) {
      console.log(`misses:\n  ${misses.join("\n  ")}`);
    }
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
