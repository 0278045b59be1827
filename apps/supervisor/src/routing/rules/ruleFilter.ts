import type { DispatchRuleFieldsFragment } from "../../gql/graphql.ts";

/** The table's filter: ids, "" for any; `area` "none" for rules without an area (the whole city). */
export type RuleFilter = { category: string; area: string; unit: string };

export const NO_FILTER: RuleFilter = { category: "", area: "", unit: "" };
export const WHOLE_CITY = "none";

type Named = { id: string; nameZh: string; nameEn?: string | null };

/** Whether a rule passes the filter; the unit matches the lead or an assisting unit. */
export function ruleMatches(rule: DispatchRuleFieldsFragment, filter: RuleFilter): boolean {
  if (filter.category && rule.category?.id !== filter.category) {
    return false;
  }
  if (filter.area === WHOLE_CITY ? rule.area !== null : filter.area && rule.area?.id !== filter.area) {
    return false;
  }
  if (filter.unit && rule.leadUnit.id !== filter.unit && !rule.assistingUnits.some((unit) => unit.id === filter.unit)) {
    return false;
  }
  return true;
}

function distinct(items: readonly Named[], name: (item: Named) => string): Named[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return [...byId.values()].sort((a, b) => name(a).localeCompare(name(b), "zh-CN"));
}

/** The choices each filter offers: only what the catalogue's rules use, sorted by name. */
export function filterChoices(rules: readonly DispatchRuleFieldsFragment[], name: (item: Named) => string) {
  return {
    categories: distinct(rules.flatMap((rule) => (rule.category ? [rule.category] : [])), name),
    areas: distinct(rules.flatMap((rule) => (rule.area ? [rule.area] : [])), name),
    units: distinct(rules.flatMap((rule) => [rule.leadUnit, ...rule.assistingUnits]), name),
  };
}
