import { expect } from "vitest";
import type { GraphQLResponse, TestGateway } from "../harness.js";

/** Text that is valid but unusual: accepted where text is allowed, and read back exactly. */
export const VALID_UNUSUAL = {
  emoji: "噪音🎵太吵 👨‍👩‍👧 🛗 𠮷",
  sql: "'; DROP TABLE intake_ticket; -- 楼下",
  like: "100% 满意_路\\口 %_%",
  tsquery: "噪音 :* & | ! ( ) <-> 扰民",
  rtlMark: "王\u200F先生",
} as const;

/** Right-to-left override: refused in names, addresses and titles, kept in free text (platform textProblem). */
export const RLO = "\u202E";
/** One mebibyte of text: over the gateway's 512 kB body limit. */
export const ONE_MB = "x".repeat(1024 * 1024);

/** A text case: the value and what must happen to it. */
export type TextCase = { label: string; value: string; expect: { code: string; fieldCode?: string } | "stored" };

/**
 * The rows of the text-field table for one field: empty, whitespace, just over its limit, 1 MB,
 * NUL, a lone surrogate, a bidi override (refused in a `line`), and the valid-but-unusual texts
 * that must round-trip. `valid` is a good value to build the unusual ones around.
 */
export function textCases(options: { max: number; min?: number; required: boolean; kind: "line" | "text"; valid: string; code?: string }): TextCase[] {
  const code = options.code ?? "BAD_USER_INPUT";
  const cases: TextCase[] = [
    { label: "just over the limit", value: "字".repeat(options.max + 1), expect: { code, fieldCode: "TOO_LONG" } },
    { label: "1 MB", value: ONE_MB, expect: { code: "PAYLOAD_TOO_LARGE" } },
    { label: "a NUL byte", value: `${options.valid}\u0000`, expect: { code: "BAD_USER_INPUT", fieldCode: "INVALID_CHARACTERS" } },
    { label: "a lone surrogate", value: `${options.valid}\ud800`, expect: { code: "INVALID_UTF8" } },
    { label: "a control character (BEL)", value: `${options.valid}\u0007`, expect: { code, fieldCode: "INVALID_CHARACTERS" } },
    {
      label: "a right-to-left override",
      value: `${options.valid}${RLO}gpj.exe`,
      expect: options.kind === "line" ? { code, fieldCode: "INVALID_CHARACTERS" } : "stored",
    },
    { label: "emoji", value: `${options.valid}${VALID_UNUSUAL.emoji}`, expect: "stored" },
    { label: "SQL metacharacters", value: VALID_UNUSUAL.sql, expect: "stored" },
    { label: "LIKE metacharacters", value: VALID_UNUSUAL.like, expect: "stored" },
    { label: "tsquery metacharacters", value: VALID_UNUSUAL.tsquery, expect: "stored" },
  ];
  if (options.required) {
    cases.push(
      { label: "empty", value: "", expect: { code, fieldCode: "REQUIRED" } },
      { label: "whitespace only", value: " \t\n　 ", expect: { code, fieldCode: "REQUIRED" } },
    );
  }
  if (options.min && options.min > 1) {
    cases.push({ label: "just under the minimum", value: "字".repeat(options.min - 1), expect: { code, fieldCode: "TOO_SHORT" } });
  }
  return cases.filter((c) => c.expect === "stored" || [...c.value].length > 0 || options.required);
}

/** What no error message a person reads may contain: stack frames, SQL, driver errors, table names. */
const LEAK = /\bat .+\.(js|ts):\d+|\bSELECT\b|\bINSERT\b|\bUPDATE\b|QueryFailedError|TypeORM|violates|constraint|relation "|column "|syntax for type|byte sequence|\b(intake|knowledge|routing|callback|platform)_[a-z_]+\b|undefined|\[object /;

/** Asserts a refusal: the stable code (and field code), a readable message, no internals, no data. */
export function expectRefused(response: GraphQLResponse, code: string, field?: { field?: string; code?: string }): void {
  const error = response.errors?.[0];
  expect(error, JSON.stringify(response).slice(0, 300)).toBeDefined();
  expect(error!.extensions?.code).toBe(code);
  expect(error!.message.length).toBeGreaterThan(10);
  expect(error!.message).not.toMatch(LEAK);
  expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|QueryFailedError|\\n\s+at /);
  for (const listed of error!.extensions?.fields ?? []) {
    expect(listed.message).not.toMatch(LEAK);
  }
  if (field) {
    expect(error!.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining(field)]));
  }
  const data = response.data as Record<string, unknown> | null | undefined;
  expect(data === null || data === undefined || Object.values(data).every((value) => value === null)).toBe(true);
}

/** POSTs a GraphQL document as raw JSON (so lone surrogates stay escaped) and returns the parsed answer. */
export async function postGraphQL(gateway: TestGateway, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as GraphQLResponse;
  expect(response.status, JSON.stringify(json).slice(0, 300)).not.toBe(500);
  return json;
}

/** Row counts of tables, to prove a refused request stored nothing. */
export async function rowCounts(gateway: TestGateway, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = (await gateway.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
    counts[table] = row!.n;
  }
  return counts;
}

/** Expected field code for a case, when it is a field-level refusal. */
export function fieldOf(name: string, expected: TextCase["expect"]): { field: string; code: string } | undefined {
  return expected !== "stored" && expected.fieldCode ? { field: name, code: expected.fieldCode } : undefined;
}
