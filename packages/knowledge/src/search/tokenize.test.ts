import { describe, expect, it } from "vitest";
import { buildSearchVector } from "./search-document.js";
import { buildTsQuery, parseQuery } from "./search-query.js";
import { stemWord } from "./stemmer.js";
import { bigrams, tokenizeText } from "./tokenize.js";
import { highlightText, matcherFor, snippetOf } from "./highlight.js";

describe("tokenising", () => {
  it("splits Han runs into overlapping bigrams and keeps a single character", () => {
    expect(bigrams("噪音扰民")).toEqual(["噪音", "音扰", "扰民"]);
    expect(bigrams("噪")).toEqual(["噪"]);
    expect(tokenizeText("拆违").map((t) => t.lexeme)).toEqual(["拆违"]);
  });

  it("folds full-width ASCII and case, and stems English words", () => {
    expect(tokenizeText("ＰＲＯＰＥＲＴＹ Fees").map((t) => t.lexeme)).toEqual(["properti", "fee"]);
    expect(["heating", "heated", "heats"].map(stemWord)).toEqual(["heat", "heat", "heat"]);
    expect(["bullying", "bullied", "bully"].map(stemWord)).toEqual(["bulli", "bulli", "bulli"]);
    expect(["charges", "charged", "charge"].map(stemWord)).toEqual(["charg", "charg", "charg"]);
  });

  it("separates scripts inside a mixed run", () => {
    const query = parseQuery("社保card");
    expect(query.terms.map((t) => [t.kind, t.text])).toEqual([["cjk", "社保"], ["word", "card"]]);
  });

  it("keeps weights and consecutive positions in the vector literal", () => {
    const vector = buildSearchVector({ title: "停水", keywords: ["没水"], summary: "计划停水", body: "**爆管**" });
    expect(vector).toContain("'停水':1A,");
    expect(vector).toMatch(/'爆管':\d+C/);
  });
});

describe("queries are literal text", () => {
  it("turns operators, wildcards and quotes into separators, never syntax", () => {
    for (const raw of ["噪音 & !", "a:*", "%", "_", "'", "\\", "!!!(((", "'; DROP TABLE x; --", "|&<->"]) {
      const tsquery = buildTsQuery(parseQuery(raw).terms, "strict");
      expect(tsquery).not.toMatch(/(^|[^'])[!|()]/);
      for (const part of tsquery.split(" & ").filter(Boolean)) {
        expect(part).toMatch(/^\(?'[^']+'(:\*)?/);
      }
    }
    expect(buildTsQuery(parseQuery("噪音 & !").terms, "strict")).toBe("'噪音'");
    expect(buildTsQuery(parseQuery("a:*").terms, "strict")).toBe("'a'");
  });

  it("joins a Han run's bigrams as a phrase and the terms with AND", () => {
    expect(buildTsQuery(parseQuery("噪音扰民 noise").terms, "strict")).toBe("('噪音' <-> '音扰' <-> '扰民') & ('nois' | 'noise':*)");
    expect(buildTsQuery(parseQuery("噪音扰民 ").terms, "any")).toBe("'噪音' | '音扰' | '扰民'");
    expect(buildTsQuery(parseQuery("噪").terms, "strict")).toBe("'噪':*");
  });

  it("cuts a very long query and ignores pure punctuation", () => {
    expect(parseQuery("!".repeat(500)).terms).toEqual([]);
    expect(parseQuery("噪音".repeat(300)).normalized.length).toBe(100);
  });
});

describe("highlighting", () => {
  it("marks Chinese phrases and English stems in the original text", () => {
    const matcher = matcherFor(parseQuery("噪音 heating").terms, "strict");
    expect(highlightText("夜间施工噪音与 Heating 问题", matcher)).toEqual([
      { text: "夜间施工", match: false },
      { text: "噪音", match: true },
      { text: "与 ", match: false },
      { text: "Heating", match: true },
      { text: " 问题", match: false },
    ]);
  });

  it("marks no English stop words and no lone letters, only the words that say something", () => {
    const matcher = matcherFor(parseQuery("heating at the r flat").terms, "any");
    const marked = highlightText("At the flat, the heating in room R stopped at night", matcher)
      .filter((segment) => segment.match)
      .map((segment) => segment.text);
    expect(marked).toEqual(["flat", "heating"]);
    // a query of nothing but a stop word still shows where it matched
    expect(highlightText("the end", matcherFor(parseQuery("the").terms, "any")).filter((s) => s.match)).toHaveLength(1);
  });

  it("cuts a snippet around the first match in the body", () => {
    const body = `${"前言".repeat(60)}发现噪音问题后${"后记".repeat(80)}`;
    const snippet = snippetOf({ summary: "摘要", body }, matcherFor(parseQuery("噪音").terms, "strict"));
    expect(snippet[0]).toEqual({ text: "…", match: false });
    expect(snippet.filter((s) => s.match).map((s) => s.text)).toEqual(["噪音"]);
    expect(snippet.at(-1)).toEqual({ text: "…", match: false });
  });
});
