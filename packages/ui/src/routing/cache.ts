import type { TypePolicies } from "@apollo/client";

/**
 * Cache identities of the routing types. A dispatch rule keeps its id across versions, so it is one
 * cache entry per version (else a rule's history would fold into its latest version). Deadlines,
 * replies and proposals have no id of their own: the inbox and the detail select different fields
 * of them, which are merged. Assignments have their own id (a re-dispatch is a new assignment).
 */
export const routingTypePolicies: TypePolicies = {
  DispatchRule: { keyFields: ["id", "version"] },
  Deadlines: { merge: true },
  UnitReply: { merge: true },
  RoutingProposal: { merge: true },
};
