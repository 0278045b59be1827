import type { Actor } from "../auth/actor.js";

/**
 * Who a subscription's result depends on: two subscribers whose actors give the same key, asking
 * the same document with the same variables, receive the same result (the same access decision,
 * the same masking), so the gateway executes it once per event for all of them and fans it out.
 */
export type SubscriptionAudience = (actor: Actor | null) => string;

const audiences = new Map<string, SubscriptionAudience>();

/**
 * Declares that subscription field `field` may be executed once per audience. Declare it next to
 * the resolver, with a key covering everything the field's resolvers read from the actor; fields
 * without a declaration run once per subscriber.
 */
export function shareSubscription(field: string, audience: SubscriptionAudience): void {
  audiences.set(field, audience);
}

/** The audience key of a subscriber of `field`, or null when the field is not shared. */
export function subscriptionAudience(field: string, actor: Actor | null): string | null {
  const audience = audiences.get(field);
  return audience ? audience(actor) : null;
}

/** Audience by kind, roles (in any order) and handling unit: for results that depend on nothing else of the actor. */
export const byRolesAndUnit: SubscriptionAudience = (actor) =>
  actor ? `${actor.kind}|${[...actor.roles].sort().join(",")}|${actor.unitId ?? ""}|${[...(actor.scopes ?? [])].sort().join(",")}` : "anonymous";

/** Audience of one person (all their consoles share): for results that depend on who is asking. */
export const byActor: SubscriptionAudience = (actor) => (actor ? `${byRolesAndUnit(actor)}|${actor.id}` : "anonymous");
