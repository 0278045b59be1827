/**
 * Which SLA policy sets a ticket's time limits. Pure. A policy matches when each dimension it sets
 * matches the ticket (category: the ticket's category or one of its groups). The most specific
 * wins, compared in this order: urgency (set > not), then request type, then category (leaf >
 * group > none), so "urgent: dispatch at once" beats "complaints: 5 working days", which beats a
 * category's own limits. Without any match the built-in default applies.
 */

/** The limits a policy sets (minutes; working minutes unless around the clock). */
export type SlaLimits = {
  dispatchMinutes: number;
  signForMinutes: number;
  completionMinutes: number;
  nearDuePercent: number;
  aroundTheClock: boolean;
};

export type SlaCandidate = SlaLimits & {
  id: string;
  requestType: string | null;
  categoryId: string | null;
  urgency: string | null;
};

export type SlaFacts = { requestType: string; urgency: string; categoryId: string; categoryAncestorIds: readonly string[] };

/** 4 working hours to dispatch, 2 to sign for, 10 working days (of 450 minutes) to complete, warn at 80 %. */
export const DEFAULT_SLA_LIMITS: SlaLimits = {
  dispatchMinutes: 240,
  signForMinutes: 120,
  completionMinutes: 10 * 450,
  nearDuePercent: 80,
  aroundTheClock: false,
};

function rank(policy: SlaCandidate, facts: SlaFacts): [number, number, number] | null {
  if (policy.urgency !== null && policy.urgency !== facts.urgency) {
    return null;
  }
  if (policy.requestType !== null && policy.requestType !== facts.requestType) {
    return null;
  }
  let category = 0;
  if (policy.categoryId !== null) {
    if (policy.categoryId === facts.categoryId) {
      category = 2;
    } else if (facts.categoryAncestorIds.includes(policy.categoryId)) {
      category = 1;
    } else {
      return null;
    }
  }
  return [policy.urgency === null ? 0 : 1, policy.requestType === null ? 0 : 1, category];
}

/** The most specific matching policy, or null (then DEFAULT_SLA_LIMITS apply). */
export function choosePolicy<P extends SlaCandidate>(policies: readonly P[], facts: SlaFacts): P | null {
  let best: { policy: P; rank: [number, number, number] } | null = null;
  for (const policy of policies) {
    const r = rank(policy, facts);
    if (!r) {
      continue;
    }
    const better = !best || r[0] > best.rank[0] || (r[0] === best.rank[0] && (r[1] > best.rank[1] || (r[1] === best.rank[1] && r[2] > best.rank[2])));
    if (better) {
      best = { policy, rank: r };
    }
  }
  return best?.policy ?? null;
}

/** The limits of a policy, or the defaults. */
export function limitsOf(policy: SlaLimits | null): SlaLimits {
  if (!policy) {
    return DEFAULT_SLA_LIMITS;
  }
  const { dispatchMinutes, signForMinutes, completionMinutes, nearDuePercent, aroundTheClock } = policy;
  return { dispatchMinutes, signForMinutes, completionMinutes, nearDuePercent, aroundTheClock };
}
