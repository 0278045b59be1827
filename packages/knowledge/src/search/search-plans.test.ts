import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, knowledgeTestDatabase, type Fixture } from "../__tests__/factories.js";
import { searchArticles } from "./article-search.js";
import { buildSearchText, buildSearchVectors } from "./search-document.js";
import { TOTAL_CAP } from "./search-sql.js";

/**
 * The statements a staff search sends on a generated knowledge base of 20,000 articles (ten topics,
 * 2,000 titles each), captured and EXPLAINed with their parameters. Structural, not timed: a term in
 * more titles than TOTAL_CAP is answered by one statement (no count), and no statement walks the
 * article table sequentially testing full search vectors (what made a long description cost 50–140 ms
 * at 100,000 articles): a long description's candidates are the articles with one of its tokens in
 * their title or keywords (`search_head`, small and stored in the row), whichever way PostgreSQL
 * finds them (on this skewed base, 20 % of the titles match, it may rightly read them in order).
 */
/** A sequential scan of the article table whose filter tests the full search vector. */
const VECTOR_SEQ_SCAN = /Seq Scan on knowledge_article\b[^\n]*\n\s*Filter: [^\n]*search_vector @@/u;
const ARTICLES = 20_000;
const TOPICS: Array<[title: string, body: string, keywords: string[]]> = [
  ["夜间施工噪音投诉", "夜间二十二时至次日六时禁止施工。执法队员现场核查。", ["噪音", "施工"]],
  ["小区计划停水通知", "计划停水提前二十四小时公告。爆管抢修一般四至八小时恢复。", ["停水", "没水"]],
  ["物业费收费标准", "物业服务费执行政府指导价。收费项目应在小区公示。", ["物业费"]],
  ["社保卡申领和补办", "拨打一二三三三临时挂失。到银行网点补办。", ["社保卡", "社保"]],
  ["集中供暖时间安排", "供暖期为十一月十五日至次年三月十五日。室内温度不低于十八度。", ["供暖", "暖气"]],
  ["违法建设查处", "未取得规划许可的建筑属于违法建设。举报人信息依法保密。", ["违建", "拆违"]],
  ["校园欺凌事件处理流程", "学校应在十日内调查认定。保留伤情照片和聊天记录。", ["校园欺凌", "被欺负"]],
  ["Heating season and radiator complaints", "District heating runs from November to March. Rooms must reach eighteen degrees.", ["heating", "radiator"]],
  ["网购七日无理由退货", "保留发票和聊天记录。经营者拒绝退货可投诉。", ["退货", "消费投诉"]],
  ["拖欠工资投诉", "劳动保障监察机构责令限期支付。工资保证金先行垫付。", ["欠薪", "拖欠工资"]],
];

let db: TestDatabase;
let f: Fixture;

type Statement = { text: string; params: unknown[] };

beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
  for (let start = 0; start < ARTICLES; start += 500) {
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let n = start; n < Math.min(ARTICLES, start + 500); n++) {
      const [topic, body, keywords] = TOPICS[n % TOPICS.length]!;
      const fields = { title: `${topic}（第${n}号）`, summary: body.split("。")[0]!, body, keywords };
      const vectors = buildSearchVectors(fields);
      const values = [fields.title, fields.summary, body, keywords, [f.leaf.id], f.unit.id, f.author.id, n % 300, vectors.vector, vectors.head, buildSearchText(fields)];
      const base = params.length;
      params.push(...values);
      rows.push(
        `('PUBLISHED', $${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, 'PUBLIC', 'ZH_CN', '2025-01-01', 'test', ` +
          `$${base + 7}, $${base + 8}, $${base + 9}::tsvector, $${base + 10}::tsvector, $${base + 11}, 1, 1, now())`,
      );
    }
    await db.dataSource.query(
      `INSERT INTO knowledge_article (status, title, summary, body, keywords, category_ids, owning_unit_id, audience, language, effective_from, source,
         author_id, usage_count, search_vector, search_head, search_text, version_number, lock_version, published_at)
       VALUES ${rows.join(", ")}`,
      params,
    );
  }
  await db.dataSource.query("ANALYZE knowledge_article");
}, 120_000);
afterAll(() => db?.destroy());

/** Runs a staff search, returning its result and the SELECTs it sent (the search log's INSERT left out). */
async function capture(query: string): Promise<{ total: number; titles: string[]; scores: number[]; statements: Statement[] }> {
  const statements: Statement[] = [];
  const recorder = {
    query: (text: string, params: unknown[] = []) => {
      if (!text.trimStart().startsWith("INSERT")) {
        statements.push({ text, params });
      }
      return db.dataSource.query(text, params);
    },
  };
  const result = await searchArticles({ db: recorder as never, actor: f.operator, input: { query, limit: 10 } });
  return { total: result.total, titles: result.hits.map((hit) => hit.article.title), scores: result.hits.map((hit) => hit.score), statements };
}

async function plans(statements: Statement[]): Promise<string[]> {
  const out: string[] = [];
  for (const statement of statements) {
    const rows: Array<{ "QUERY PLAN": string }> = await db.dataSource.query(`EXPLAIN ${statement.text}`, statement.params);
    out.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  return out;
}

describe("knowledge search plans at 20,000 articles", () => {
  it("answers a term found in more than TOTAL_CAP titles with one statement, through the title and keyword index", async () => {
    const { total, titles, statements } = await capture("噪音");
    expect(total).toBe(TOTAL_CAP);
    expect(titles).toHaveLength(10);
    expect(titles.every((title) => title.includes("噪音"))).toBe(true);
    expect(statements).toHaveLength(1);
    const [plan] = await plans(statements);
    expect(plan).toContain("knowledge_article_search_head_idx");
    expect(plan).not.toMatch(/Seq Scan on knowledge_article\b/u);
    expect(plan).not.toMatch(VECTOR_SEQ_SCAN);
  });

  it("counts the matches when fewer titles than TOTAL_CAP have the term, without a sequential scan", async () => {
    // 执法 is only in the bodies of the noise topic (2,000 articles): no title, so body tier + count
    const { total, titles, statements } = await capture("执法队员");
    expect(total).toBe(TOTAL_CAP);
    expect(titles).toHaveLength(10);
    for (const plan of await plans(statements)) {
      expect(plan).not.toMatch(VECTOR_SEQ_SCAN);
    }
  });

  it("takes a long description's candidates from titles and keywords, without testing every article's full vector", async () => {
    const { total, titles, scores, statements } = await capture("我们小区今天早上突然没水了，什么时候恢复");
    expect(total).toBeGreaterThan(0);
    expect(titles[0]).toContain("停水");
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const all = await plans(statements);
    for (const plan of all) {
      expect(plan).not.toMatch(VECTOR_SEQ_SCAN);
    }
    // the last statement ranks the description (the stricter modes found nothing before it)
    const candidates = all.at(-1)!.split("CTE scored")[0]!;
    expect(candidates).toContain("search_head @@");
    expect(candidates).not.toContain("search_vector @@");
  });
});
