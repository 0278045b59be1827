import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { ENUM_LABELS_EN, ENUM_LABELS_ZH, ENUMS_NOT_SHOWN, enumLabelOf } from "../i18n/enumLabels.ts";

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
