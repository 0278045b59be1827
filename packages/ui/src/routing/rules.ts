import { useCallback } from "react";
import { useFormat } from "../i18n/I18nProvider.tsx";
import type { Named } from "../i18n/format.ts";
import { useRoutingT } from "./i18n.ts";

/** What a dispatch rule matches on and where it sends a ticket (any query's selection of it). */
export type RuleLike = {
  category?: Named | null;
  area?: Named | null;
  requestType?: string | null;
  keywords?: readonly string[];
  leadUnit: Named;
};

/**
 * Words for a dispatch rule: `match(rule)` → "教育 × 全市 × 投诉", `summary(rule)` →
 * "规则：教育 × 全市 → 淄博市教育局"; `summary(null)` says that no rule matched.
 */
export function useRuleText(): { match: (rule: Omit<RuleLike, "leadUnit">) => string; summary: (rule: RuleLike | null | undefined) => string } {
  const t = useRoutingT();
  const format = useFormat();
  const match = useCallback(
    (rule: Omit<RuleLike, "leadUnit">) => {
      const parts = [rule.category ? format.name(rule.category) : t("rt.rule.anyCategory"), rule.area ? format.name(rule.area) : t("rt.rule.anyArea")];
      if (rule.requestType) {
        parts.push(format.requestType(rule.requestType));
      }
      if (rule.keywords && rule.keywords.length > 0) {
        parts.push(t("rt.rule.keywords", { keywords: rule.keywords.join(", ") }));
      }
      return parts.join(" × ");
    },
    [t, format],
  );
  const summary = useCallback(
    (rule: RuleLike | null | undefined) => (rule ? t("rt.rule.summary", { match: match(rule), unit: format.name(rule.leadUnit) }) : t("rt.rule.none")),
    [t, format, match],
  );
  return { match, summary };
}
