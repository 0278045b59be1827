import { registerEnumType } from "type-graphql";
import type { Actor } from "../auth/actor.js";
import { ForbiddenError } from "../errors.js";

/** What an integrator's API key may do. A staff session is never limited by scopes (its roles decide). */
export enum IntegratorScope {
  /** Incoming calls (screen-pop), missed calls, call records. */
  TELEPHONY = "telephony",
  /** Open311 GeoReport v2: creating service requests. */
  OPEN311 = "open311",
  /** Creating tickets through GraphQL (`logCall`). */
  TICKETS_WRITE = "tickets:write",
  /** Reading the status and public timeline of the tickets this integrator created (no one else's). */
  TICKETS_READ = "tickets:read",
  /** Managing its own webhook subscriptions and reading their deliveries. */
  WEBHOOKS = "webhooks",
}

registerEnumType(IntegratorScope, {
  name: "IntegratorScope",
  description: "What an integrator's API key may do.",
  valuesConfig: {
    TELEPHONY: { description: "telephony: incoming calls (screen-pop), missed calls, call records." },
    OPEN311: { description: "open311: create service requests through Open311 GeoReport v2." },
    TICKETS_WRITE: { description: "tickets:write: create tickets through GraphQL (logCall)." },
    TICKETS_READ: { description: "tickets:read: read status and public timeline of the tickets this integrator created, and no others." },
    WEBHOOKS: { description: "webhooks: manage its own webhook subscriptions and read their deliveries." },
  },
});

export const ALL_SCOPES: readonly IntegratorScope[] = Object.values(IntegratorScope);

/** Whether an actor may use a scope: staff always (their roles decide), integrators only with the scope on their key. */
export function hasScope(actor: Actor | null | undefined, scope: IntegratorScope): boolean {
  if (!actor) {
    return false;
  }
  return actor.kind !== "integrator" || (actor.scopes ?? []).includes(scope);
}

/** FORBIDDEN for an integrator whose key lacks the scope (staff pass; their roles are checked as before). */
export function requireScope(actor: Actor | null | undefined, scope: IntegratorScope): void {
  if (actor && !hasScope(actor, scope)) {
    throw new ForbiddenError(`This API key does not have the ${scope} scope.`);
  }
}
