import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { ENUM_LABELS_EN, ENUM_LABELS_ZH, ENUMS_NOT_SHOWN, enumLabelOf, historyActorText, historyNoteText } from "../i18n/enumLabels.ts";

/** vitest runs in the package folder. */
const schemaPath = resolve(process.cwd(), "../../apps/gateway/schema.graphql");
const schema = buildSchema(readFileSync(schemaPath, "utf8"));
const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith("__"));

/** Every value of every schema enum that a screen may show, as `Enum.VALUE`. */
function schemaValues(): string[] {
  return enums
    .filter((type) => !(type.name in ENUMS_NOT_SHOWN))
    .flatMap((type) => (isEnumType(type) ? type.getValues().map((value) => `${type.name}.${value.name}`) : []));
}

function missingIn(catalogue: Record<string, Record<string, string>>): string[] {
  return schemaValues().filter((key) => {
    const [enumName = "", value = ""] = key.split(".");
    const label = catalogue[enumName]?.[value];
    return typeof label !== "string" || label.trim() === "";
  });
}

describe("the translated enum catalogue", () => {
  it("reads the committed schema (guards against walking nothing)", () => {
    expect(enums.length).toBeGreaterThan(30);
    expect(schemaValues()).toContain("TicketHistoryKind.EMERGENCY_HANDOFF");
    expect(schemaValues()).toContain("ReturnReason.NOT_OUR_JURISDICTION");
  });

  it("has a Chinese label for every enum value and history kind of the schema", () => {
    expect(missingIn(ENUM_LABELS_ZH)).toEqual([]);
  });

  it("has an English label for every enum value and history kind of the schema", () => {
    expect(missingIn(ENUM_LABELS_EN)).toEqual([]);
  });

  it("shows no raw code or Latin-only text in the Chinese catalogue, except names of formats and standards", () => {
    const latinOnly = new Set(["JSON", "Markdown"]);
    const offenders = Object.entries(ENUM_LABELS_ZH).flatMap(([enumName, values]) =>
      Object.entries(values)
        .filter(([value, label]) => !latinOnly.has(label) && (label === value || !/[\u4e00-\u9fff]/u.test(label)))
        .map(([value]) => `${enumName}.${value}`),
    );
    expect(offenders).toEqual([]);
  });

  it("lists exclusions only for enums that exist", () => {
    const names = new Set(enums.map((type) => type.name));
    expect(Object.keys(ENUMS_NOT_SHOWN).filter((name) => !names.has(name))).toEqual([]);
  });

  it("looks labels up by language, and shows an unknown value as sent", () => {
    expect(enumLabelOf("zh-CN", "ReturnReason", "NOT_OUR_JURISDICTION")).toBe("非本单位职责");
    expect(enumLabelOf("en", "TicketHistoryKind", "EMERGENCY_HANDOFF")).toBe("Handed off to the emergency service");
    expect(enumLabelOf("en", "Urgency", "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});

describe("history entries in the viewer's language (issue 16 bug 9)", () => {
  const returned = {
    actorName: "李老师",
    actorKind: "STAFF",
    reason: "淄博市教育局 退单 / returned (NOT_OUR_JURISDICTION): 不属于本局职责",
    noteCode: "RETURN_REQUESTED",
    noteParams: [
      { name: "unit", value: "淄博市教育局" },
      { name: "unitEn", value: "Zibo Education Bureau" },
      { name: "returnReason", value: "NOT_OUR_JURISDICTION" },
      { name: "text", value: "不属于本局职责" },
    ],
  };

  it("renders a return with the reason translated, never the raw code or the other language", () => {
    expect(historyNoteText("zh-CN", returned)).toBe("淄博市教育局 退单：非本单位职责。不属于本局职责");
    expect(historyNoteText("en", returned)).toBe("Returned by Zibo Education Bureau: Not our unit's responsibility. 不属于本局职责");
  });

  it("renders an emergency hand-off in Chinese without English", () => {
    const handoff = { noteCode: "EMERGENCY_HANDOFF", noteParams: [{ name: "service", value: "FIRE_119" }, { name: "reference", value: "119-0815" }], reason: "handed off to 119, reference 119-0815" };
    const zh = historyNoteText("zh-CN", handoff) ?? "";
    expect(zh).toBe("已转交 119 火警，回执编号 119-0815");
    expect(zh).not.toMatch(/handed off/u);
  });

  it("names the citizen and auto-dispatch by a translated label, staff by name", () => {
    expect(historyActorText("zh-CN", { actorKind: "CITIZEN", actorName: "citizen (portal)" })).toBe("市民（网站）");
    expect(historyActorText("zh-CN", { actorKind: "AUTO_DISPATCH", actorName: "自动派单 / auto-dispatch" })).toBe("自动派单");
    expect(historyActorText("en", { actorKind: "AUTO_DISPATCH", actorName: "自动派单 / auto-dispatch" })).toBe("Auto-dispatch");
    expect(historyActorText("en", { actorKind: "STAFF", actorName: "王敏" })).toBe("王敏");
  });

  it("keeps text a person typed as it is", () => {
    expect(historyNoteText("en", { reason: "请尽快处理", noteCode: null })).toBe("请尽快处理");
  });
});
