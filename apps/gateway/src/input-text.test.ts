import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { unstorableInputError } from "./input-text.js";

function fieldsOf(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return unstorableInputError(parse(query), operationName, variables)?.extensions;
}

describe("unstorableInputError", () => {
  it("names a variable's field inside an input object as the domain errors do", () => {
    expect(fieldsOf("mutation($i: LogCallInput!) { logCall(input: $i) { id } }", { i: { citizenName: "王\u0000", extraFields: [{ key: "k", value: "ok" }, { key: "k2", value: "\u0000" }] } })).toEqual({
      code: "BAD_USER_INPUT",
      http: { status: 400 },
      fields: [
        { field: "citizenName", code: "INVALID_CHARACTERS", message: "This text contains a NUL character (U+0000), which cannot be stored. Remove it and try again." },
        { field: "extraFields.1.value", code: "INVALID_CHARACTERS", message: expect.any(String) },
      ],
    });
  });

  it("finds literals, scalar arguments, nested fields and fragments, and lone surrogates", () => {
    const query = `query { ...F ticket(id: "a\\u0000") { history(kind: "x") { id } } }
      fragment F on Query { publicArticles(query: "噪音") { total } searchArticles(input: { query: $q }) { total } }`;
    const found = fieldsOf(query, { q: "\ud800" })?.fields as Array<{ field: string }>;
    expect(found.map((f) => f.field)).toEqual(["query", "id"]);
  });

  it("checks only the operation that runs, and lets emoji, bidi marks and metacharacters through", () => {
    const document = 'query A { ticket(id: "\\u0000") { id } } query B { publicArticles(query: "🎵 \u202E %_\\\\ :* <->") { total } }';
    expect(fieldsOf(document, {}, "B")).toBeUndefined();
    expect(fieldsOf(document, {}, "A")).toMatchObject({ fields: [{ field: "id" }] });
  });

  it("checks each request's variables when the parsed document is reused (Apollo's document cache)", () => {
    const document = parse("mutation($i: LogCallInput!) { logCall(input: $i) { id } } query B { publicArticles(query: \"\\u0000\") { total } }");
    expect(unstorableInputError(document, undefined, { i: { citizenName: "王" } })).toBeNull();
    expect(unstorableInputError(document, undefined, { i: { citizenName: "王\u0000" } })?.extensions).toMatchObject({ fields: [{ field: "citizenName" }] });
    expect(unstorableInputError(document, undefined, { i: { citizenName: "王" } })).toBeNull();
    expect(unstorableInputError(document, "B", {})?.extensions).toMatchObject({ fields: [{ field: "query" }] });
  });
});
