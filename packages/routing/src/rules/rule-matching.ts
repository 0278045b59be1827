/**
 * Which catalogue rule decides where a ticket goes. Pure: the caller loads the rules and the facts.
 *
 * A rule matches a ticket when every dimension it sets matches: its category is the ticket's
 * category or one of its groups; its area is the ticket's township, its district or the city; its
 * request type is the ticket's; one of its keywords occurs in the ticket's text. The most specific
 * match wins, compared in this order: area (township > district > city or none), then category
 * (leaf > group > none), then request type (set > not), then keywords (set > not). When several
 * rules share the best specificity the match is not clear: the most recently changed of them is
 * proposed, and nothing is dispatched automatically.
 */

/** What a rule says, as matching needs it. */
export type RuleCandidate = {
  id: string;
  categoryId: string | null;
  areaId: string | null;
  requestType: string | null;
  keywords: readonly string[];
  updatedAt: Date;
};

/** What is known about the ticket being routed. */
export type TicketFacts = {
  categoryId: string;
  /** The category's groups, nearest first. */
  categoryAncestorIds: readonly string[];
  districtId: string;
  townshipId: string | null;
  requestType: string;
  /** Title and description. */
  text: string;
};

/** How specific a matching rule is: [area, category, request type, keywords]; higher wins. */
export type Specificity = readonly [area: number, category: number, requestType: number, keywords: number];

export type RuleMatch<R extends RuleCandidate> = { rule: R; specificity: Specificity };

export type RuleChoice<R extends RuleCandidate> = {
  rule: R;
  /** True when exactly one rule has the best specificity. */
  clear: boolean;
  specificity: Specificity;
  /** Every matching rule, best first. */
  matches: ReadonlyArray<RuleMatch<R>>;
};

/** Lower-case NFC without surrounding space: how keywords are stored and texts compared. */
export function foldText(text: string): string {
  return text.normalize("NFC").toLowerCase().trim();
}

function areaRank(rule: RuleCandidate, facts: TicketFacts, cityAreaIds: ReadonlySet<string>): number | null {
  if (rule.areaId === null || cityAreaIds.has(rule.areaId)) {
    return 0;
  }
  if (facts.townshipId !== null && rule.areaId === facts.townshipId) {
    return 2;
  }
  return rule.areaId === facts.districtId ? 1 : null;
}

function categoryRank(rule: RuleCandidate, facts: TicketFacts): number | null {
  if (rule.categoryId === null) {
    return 0;
  }
  if (rule.categoryId === facts.categoryId) {
    return 2;
  }
  return facts.categoryAncestorIds.includes(rule.categoryId) ? 1 : null;
}

/** A rule's keywords folded (foldText), once per rule object: matching a queue of tickets folds each keyword once. */
const foldedKeywords = new WeakMap<RuleCandidate, readonly string[]>();

function keywordsOf(rule: RuleCandidate): readonly string[] {
  let folded = foldedKeywords.get(rule);
  if (!folded) {
    folded = rule.keywords.map(foldText);
    foldedKeywords.set(rule, folded);
  }
  return folded;
}

/** The specificity of a rule for a ticket, or null when the rule does not match it. */
export function matchRule(rule: RuleCandidate, facts: TicketFacts, cityAreaIds: ReadonlySet<string>): Specificity | null {
  return matchFolded(rule, facts, cityAreaIds, () => foldText(facts.text));
}

/** matchRule with the ticket's text folded at most once however many rules are tried (`text` is asked only for a rule with keywords). */
function matchFolded(rule: RuleCandidate, facts: TicketFacts, cityAreaIds: ReadonlySet<string>, text: () => string): Specificity | null {
  const area = areaRank(rule, facts, cityAreaIds);
  const category = categoryRank(rule, facts);
  if (area === null || category === null) {
    return null;
  }
  if (rule.requestType !== null && rule.requestType !== facts.requestType) {
    return null;
  }
  let keywords = 0;
  if (rule.keywords.length > 0) {
    const folded = text();
    if (!keywordsOf(rule).some((keyword) => folded.includes(keyword))) {
      return null;
    }
    keywords = 1;
  }
  return [area, category, rule.requestType === null ? 0 : 1, keywords];
}

/** Negative when `a` is less specific than `b`. */
export function compareSpecificity(a: Specificity, b: Specificity): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

/** The rule that decides for this ticket, or null when none matches. */
export function chooseRule<R extends RuleCandidate>(rules: readonly R[], facts: TicketFacts, cityAreaIds: ReadonlySet<string>): RuleChoice<R> | null {
  const matches: Array<RuleMatch<R>> = [];
  let folded: string | undefined;
  const text = (): string => (folded ??= foldText(facts.text));
  for (const rule of rules) {
    const specificity = matchFolded(rule, facts, cityAreaIds, text);
    if (specificity) {
      matches.push({ rule, specificity });
    }
  }
  matches.sort(
    (a, b) =>
      compareSpecificity(b.specificity, a.specificity) ||
      b.rule.updatedAt.getTime() - a.rule.updatedAt.getTime() ||
      a.rule.id.localeCompare(b.rule.id),
  );
  const [best] = matches;
  if (!best) {
    return null;
  }
  const tied = matches.filter((match) => compareSpecificity(match.specificity, best.specificity) === 0).length;
  return { rule: best.rule, clear: tied === 1, specificity: best.specificity, matches };
}
