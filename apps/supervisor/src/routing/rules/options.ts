import { useQuery } from "@apollo/client/react";
import { useFormat, type ComboboxItem, type SelectOption } from "@civicline/ui";
import { useCallback, useMemo } from "react";
import { RuleAreasDocument, RuleCategoriesDocument, RuleUnitsDocument, type RuleCategoriesQuery } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";

type CategoryNode = RuleCategoriesQuery["categories"][number];

/** Every category in tree order, children indented under their group (a rule may target a group). */
export function categoryOptions(categories: readonly CategoryNode[], name: (node: CategoryNode) => string): SelectOption[] {
  const children = new Map<string | null, CategoryNode[]>();
  for (const node of categories) {
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const options: SelectOption[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const node of children.get(parentId) ?? []) {
      options.push({ value: node.id, label: `${"\u00a0\u00a0".repeat(depth)}${name(node)}` });
      walk(node.id, depth + 1);
    }
  };
  walk(null, 0);
  return options;
}

/** Categories, districts, the chosen district's townships and a unit search for the rule editor. */
export function useRuleOptions(districtId: string) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const categories = useQuery(RuleCategoriesDocument);
  const districts = useQuery(RuleAreasDocument, { variables: { parentId: null } });
  const townships = useQuery(RuleAreasDocument, { variables: { parentId: districtId }, skip: !districtId });
  const units = useQuery(RuleUnitsDocument);

  const unitList = useMemo(() => units.data?.units ?? [], [units.data]);
  const unitName = useCallback(
    (id: string) => {
      const unit = unitList.find((candidate) => candidate.id === id);
      return unit ? format.name(unit) : "";
    },
    [unitList, format],
  );
  const searchUnits = useCallback(
    (query: string, exclude: readonly string[] = []): ComboboxItem[] => {
      const q = query.trim().toLowerCase();
      return unitList
        .filter((unit) => !exclude.includes(unit.id))
        .filter((unit) => !q || [unit.nameZh, unit.nameEn, unit.code].some((value) => value.toLowerCase().includes(q)))
        .map((unit) => ({ id: unit.id, label: format.name(unit), detail: t(`rt.UnitKind.${unit.kind}`) }));
    },
    [unitList, format, t],
  );
  return {
    categories: categoryOptions(categories.data?.categories ?? [], format.name),
    districts: (districts.data?.areas ?? []).map((area) => ({ value: area.id, label: format.name(area) })),
    townships: districtId ? (townships.data?.areas ?? []).map((area) => ({ value: area.id, label: format.name(area) })) : [],
    unitName,
    searchUnits,
  };
}
