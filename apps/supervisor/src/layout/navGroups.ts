import { appPathOf, type NavItem } from "@civicline/ui";

export type NavGroupLabels = { supervision: string; callback: string; dispatch: string; knowledge: string; admin?: string; measures?: string; qa?: string };

/** Which menu a page of the supervisor app belongs to, by its path; undefined keeps it a top-level link. */
function groupOf(path: string, labels: NavGroupLabels): string | undefined {
  const first = path.split("/")[0] ?? "";
  if (first === "chasing" || first === "orders" || first === "joint" || path === "leader/sessions" || path === "leader/cases" || path === "tickets/search") {
    return labels.supervision;
  }
  if (first === "callback") {
    return labels.callback;
  }
  if (first === "routing" || first === "catalog") {
    return labels.dispatch;
  }
  if (first === "knowledge") {
    return labels.knowledge;
  }
  if (first === "admin") {
    return labels.admin;
  }
  if (first === "measures" || first === "wall" || path === "overview") {
    return labels.measures;
  }
  if (first === "qa") {
    return labels.qa;
  }
  return undefined;
}

/**
 * The supervisor app's nav with its pages grouped into menus (figures, supervision — the chasing board
 * first —, callback, dispatch, administration, knowledge), each group gathered where its first page
 * stands, so that the header stays on one line from 1366 px in both languages however many pages the
 * features add. A group with one page stays a link.
 */
export function groupNav(items: readonly NavItem[], labels: NavGroupLabels): NavItem[] {
  const grouped = items.map((item) => ({ item, group: groupOf(appPathOf(new URL(item.href, "http://x").pathname), labels) }));
  const counts = new Map<string, number>();
  grouped.forEach(({ group }) => group && counts.set(group, (counts.get(group) ?? 0) + 1));
  const result: NavItem[] = [];
  const placed = new Set<string>();
  for (const { item, group } of grouped) {
    if (!group || (counts.get(group) ?? 0) < 2) {
      result.push(item);
    } else if (!placed.has(group)) {
      placed.add(group);
      result.push(...grouped.filter((entry) => entry.group === group).map((entry) => ({ ...entry.item, group })));
    }
  }
  return result;
}
