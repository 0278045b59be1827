/** The keywords typed in one box: separated by commas (, ，), 、 or semicolons; blanks dropped. */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[,，、;；]/u)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** How a category's keywords are shown for editing. */
export function keywordsText(keywords: readonly string[], language: string): string {
  return keywords.join(language === "zh-CN" ? "、" : ", ");
}

type Node = { id: string; code: string; nameZh: string; nameEn: string; parentId: string | null; keywords: readonly string[] };

/**
 * The tree in display order (each group followed by its children), keeping the nodes whose code,
 * names or keywords contain `query` (case-insensitive) and the groups above them.
 */
export function keywordTree<T extends Node>(categories: readonly T[], query: string): Array<{ category: T; depth: number }> {
  const needle = query.trim().toLocaleLowerCase();
  const matches = (c: T) => !needle || [c.code, c.nameZh, c.nameEn, ...c.keywords].some((text) => text.toLocaleLowerCase().includes(needle));
  const children = new Map<string | null, T[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  const result: Array<{ category: T; depth: number }> = [];
  const visit = (category: T, depth: number, parentMatched: boolean): boolean => {
    const own = matches(category);
    const start = result.length;
    result.push({ category, depth });
    let any = false;
    for (const child of children.get(category.id) ?? []) {
      any = visit(child, depth + 1, parentMatched || own) || any;
    }
    if (!own && !any && !parentMatched) {
      result.length = start;
      return false;
    }
    return true;
  };
  for (const root of children.get(null) ?? []) {
    visit(root, 0, false);
  }
  return result;
}
