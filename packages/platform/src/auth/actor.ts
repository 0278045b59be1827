import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Role } from "./roles.js";

/** Who is making the request: a logged-in staff member or an API client. */
export type Actor = {
  kind: "staff" | "integrator";
  id: string;
  name: string;
  roles: readonly Role[];
  /** The handling unit a handler belongs to. */
  unitId: string | null;
  /** An integrator's API key scopes (`telephony`, `open311`, `tickets:write`, `tickets:read`, `webhooks`); absent for staff. */
  scopes?: readonly string[];
  /** The API key an integrator called with (its id); `id` is the integrator's, stable across key rotation. */
  apiKeyId?: string;
  /** The key's rate limit in requests per minute (integrators). */
  rateLimitPerMinute?: number;
};

export function hasAnyRole(actor: Actor | null | undefined, roles: readonly Role[]): boolean {
  return !!actor && actor.roles.some((role) => roles.includes(role));
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN without one of the roles; returns the actor. */
export function requireRole(actor: Actor | null | undefined, roles: readonly Role[]): Actor {
  if (!actor) {
    throw new UnauthenticatedError();
  }
  if (!hasAnyRole(actor, roles)) {
    throw new ForbiddenError();
  }
  return actor;
}
