import type { DispatchRuleFieldsFragment, DispatchRuleInput, RequestType } from "../../gql/graphql.ts";

/** The rule editor's values; "" means "any" (category, area, type). */
export type RuleFormValues = {
  categoryId: string;
  districtId: string;
  townshipId: string;
  /** A city-level area the rule already had: kept when no district is chosen. */
  cityAreaId: string;
  requestType: RequestType | "";
  keywords: string;
  leadUnitId: string;
  assistingUnitIds: string[];
  autoDispatch: boolean;
};

export const emptyRuleForm: RuleFormValues = {
  categoryId: "",
  districtId: "",
  townshipId: "",
  cityAreaId: "",
  requestType: "",
  keywords: "",
  leadUnitId: "",
  assistingUnitIds: [],
  autoDispatch: false,
};

/** The form for editing an existing rule. */
export function formFromRule(rule: DispatchRuleFieldsFragment): RuleFormValues {
  const area = rule.area;
  return {
    categoryId: rule.category?.id ?? "",
    districtId: area?.level === "DISTRICT" ? area.id : area?.level === "TOWNSHIP" ? (area.parentId ?? "") : "",
    townshipId: area?.level === "TOWNSHIP" ? area.id : "",
    cityAreaId: area?.level === "CITY" ? area.id : "",
    requestType: rule.requestType ?? "",
    keywords: rule.keywords.join(", "),
    leadUnitId: rule.leadUnit.id,
    assistingUnitIds: rule.assistingUnits.map((unit) => unit.id),
    autoDispatch: rule.autoDispatch,
  };
}

/** Keywords typed with commas (, ， 、) or semicolons, trimmed, without repeats. */
export function parseKeywords(text: string): string[] {
  const words = text
    .split(/[,，、;；]/)
    .map((word) => word.trim())
    .filter(Boolean);
  return [...new Set(words)];
}

/** The saveDispatchRule input; the most specific area chosen wins. */
export function toRuleInput(values: RuleFormValues): DispatchRuleInput {
  return {
    categoryId: values.categoryId || null,
    areaId: values.townshipId || values.districtId || values.cityAreaId || null,
    requestType: values.requestType || null,
    keywords: parseKeywords(values.keywords),
    leadUnitId: values.leadUnitId,
    assistingUnitIds: values.assistingUnitIds.filter((id) => id !== values.leadUnitId),
    autoDispatch: values.autoDispatch,
  };
}
