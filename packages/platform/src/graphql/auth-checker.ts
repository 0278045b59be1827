import type { AuthChecker } from "type-graphql";
import { hasAnyRole } from "../auth/actor.js";
import type { Role } from "../auth/roles.js";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { RequestContext } from "../context.js";

/** `@Authorized(Role.X, ...)`: logged in, and holding one of the roles when any are named. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.actor) {
    throw new UnauthenticatedError();
  }
  if (roles.length > 0 && !hasAnyRole(context.actor, roles)) {
    throw new ForbiddenError();
  }
  return true;
};
