import { Area, Category, type Ticket } from "@civicline/intake";
import type { EntityManager } from "typeorm";
import { DispatchRule } from "./rules/dispatch-rule.entity.js";
import { chooseRule, type TicketFacts } from "./rules/rule-matching.js";
import { SlaPolicy } from "./sla/sla-policy.entity.js";
import { choosePolicy, limitsOf, type SlaLimits } from "./sla/sla-matching.js";

/**
 * Everything routing decisions read, loaded once per use case (a few hundred small rows): the
 * dispatch rules, the SLA policies, the category tree and which areas are the city.
 */
export type Catalogue = {
  rules: DispatchRule[];
  policies: SlaPolicy[];
  /** The SLA policy an admin set on a category (category admin page), by category id. */
  categoryPolicies: ReadonlyMap<string, SlaPolicy>;
  categoryParents: ReadonlyMap<string, string | null>;
  cityAreaIds: ReadonlySet<string>;
};

/** A proposal: the rule that decides (null when none matches) and whether it is the one clear match. */
export type Proposal = { rule: DispatchRule | null; clear: boolean };

/** The catalogue last read on each database, with the version stamp it was read under. */
const cached = new WeakMap<object, { version: string; catalogue: Catalogue }>();

/**
 * The routing catalogue, from memory while nothing in it changed: every statement that changes a
 * dispatch rule, an SLA policy, a category or an area stamps `routing_catalogue_version` with a new
 * number (trigger; migration ListIndexesCatalogueVersion), in its own transaction, so one primary-key
 * read tells whether the copy held here is still what this reader would load — on every instance,
 * inside the very transaction that made a change (it sees its own stamp), and after a change made by
 * hand in SQL. The stamp comes from a sequence, so a rolled-back change's number never comes back.
 * Callers must not modify what they get (it is shared).
 */
export async function loadCatalogue(manager: EntityManager): Promise<Catalogue> {
  const rows = (await manager.query(`SELECT "version"::text AS version FROM "routing_catalogue_version" WHERE "id" = 1`)) as Array<{ version: string }>;
  const version = rows[0]?.version;
  if (version === undefined) {
    return readCatalogue(manager);
  }
  const hit = cached.get(manager.connection);
  if (hit?.version === version) {
    return hit.catalogue;
  }
  // Read after the stamp: what is read is at least as new as the stamp it is kept under.
  const catalogue = await readCatalogue(manager);
  cached.set(manager.connection, { version, catalogue });
  return catalogue;
}

async function readCatalogue(manager: EntityManager): Promise<Catalogue> {
  // One after the other: inside a transaction the manager has one connection.
  const rules = await manager.find(DispatchRule);
  const policies = await manager.find(SlaPolicy);
  const categories = await manager.find(Category, { select: { id: true, parentId: true, slaPolicyId: true } });
  const cities = await manager.find(Area, { select: { id: true }, where: { level: "CITY" } });
  const byId = new Map(policies.map((policy) => [policy.id, policy]));
  const categoryPolicies = new Map(
    categories.flatMap((category) => {
      const policy = category.slaPolicyId ? byId.get(category.slaPolicyId) : undefined;
      return policy ? [[category.id, policy] as const] : [];
    }),
  );
  return {
    rules,
    policies,
    categoryPolicies,
    categoryParents: new Map(categories.map((category) => [category.id, category.parentId])),
    cityAreaIds: new Set(cities.map((city) => city.id)),
  };
}

/** A category's groups, nearest first (guarded against a cycle in bad data). */
export function ancestorsOf(catalogue: Catalogue, categoryId: string): string[] {
  const ancestors: string[] = [];
  let parent = catalogue.categoryParents.get(categoryId) ?? null;
  while (parent && !ancestors.includes(parent) && ancestors.length < 10) {
    ancestors.push(parent);
    parent = catalogue.categoryParents.get(parent) ?? null;
  }
  return ancestors;
}

export function ticketFacts(catalogue: Catalogue, ticket: Ticket): TicketFacts {
  return {
    categoryId: ticket.categoryId,
    categoryAncestorIds: ancestorsOf(catalogue, ticket.categoryId),
    districtId: ticket.districtId,
    townshipId: ticket.townshipId,
    requestType: ticket.requestType,
    text: `${ticket.title ?? ""}\n${ticket.description}`,
  };
}

/**
 * Where the catalogue sends this ticket. A proposal that would send a returned ticket back to the
 * unit that returned it is never clear.
 */
export function proposalFor(catalogue: Catalogue, ticket: Ticket, options: { returnedByUnitId?: string | null } = {}): Proposal {
  const choice = chooseRule(catalogue.rules, ticketFacts(catalogue, ticket), catalogue.cityAreaIds);
  if (!choice) {
    return { rule: null, clear: false };
  }
  const backToSender = !!options.returnedByUnitId && choice.rule.leadUnitId === options.returnedByUnitId;
  return { rule: choice.rule, clear: choice.clear && !backToSender };
}

/**
 * The limits a ticket runs under, and the policy they come from (null: built-in defaults). A policy
 * an admin set on the ticket's category (or its nearest group that has one) decides, unless a
 * policy for the ticket's urgency matches (emergencies keep running around the clock).
 */
export function limitsFor(catalogue: Catalogue, ticket: Ticket): { policyId: string | null; limits: SlaLimits } {
  const categoryAncestorIds = ancestorsOf(catalogue, ticket.categoryId);
  const policy = choosePolicy(catalogue.policies, {
    requestType: ticket.requestType,
    urgency: ticket.urgency,
    categoryId: ticket.categoryId,
    categoryAncestorIds,
  });
  const own = [ticket.categoryId, ...categoryAncestorIds].map((id) => catalogue.categoryPolicies.get(id)).find((candidate) => candidate !== undefined);
  const chosen = own && !(policy && policy.urgency !== null) ? own : policy;
  return { policyId: chosen?.id ?? null, limits: limitsOf(chosen) };
}
