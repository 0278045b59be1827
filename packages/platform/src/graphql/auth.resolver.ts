import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { findUser, logIn, logOut } from "../auth/auth.service.js";
import type { User } from "../auth/user.entity.js";
import type { RequestContext } from "../context.js";
import type { AppServices } from "../module.js";
import { LoginInput, LoginPayload, Viewer } from "./auth.types.js";

export function toViewer(user: User): Viewer {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId, mustChangePassword: user.mustChangePassword };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => Viewer, { nullable: true, description: "The logged-in staff member, or null when not logged in." })
  async me(@Ctx() ctx: RequestContext): Promise<Viewer | null> {
    if (!ctx.actor || ctx.actor.kind !== "staff") {
      return null;
    }
    const user = await findUser(this.services.dataSource, ctx.actor.id);
    return user ? toViewer(user) : null;
  }

  @Mutation(() => LoginPayload, { description: "Staff log in with username and password; also sets the HTTP-only session cookie." })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    const result = await logIn(this.services.dataSource, { ...input, ttlHours: this.services.config.sessionTtlHours, clientIp: ctx.clientIp });
    ctx.session.open(result.token, result.expiresAt);
    ctx.log.info({ userId: result.user.id }, "staff logged in");
    return { token: result.token, expiresAt: result.expiresAt, viewer: toViewer(result.user) };
  }

  @Mutation(() => Boolean, { description: "Ends the current session and clears the cookie. Always true." })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    const token = ctx.session.currentToken();
    if (token) {
      await logOut(this.services.dataSource, token);
    }
    ctx.session.close();
    return true;
  }
}
