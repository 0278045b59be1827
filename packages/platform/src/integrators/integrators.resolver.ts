import { Arg, Ctx, Float, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import type { AppServices } from "../module.js";
import { createIntegrator, getIntegrator, issueIntegratorKey, listIntegrators, revokeIntegratorKey, rotateIntegratorKey } from "./integrators.js";
import { ApiKeyType, CreateIntegratorInput, IntegratorType, IssueIntegratorKeyInput, IssuedApiKeyType } from "./integrators.types.js";

@Resolver()
export class IntegratorResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [IntegratorType], { description: "Every integrator with its API keys. Admins only." })
  integrators(@Ctx() ctx: RequestContext): Promise<IntegratorType[]> {
    return listIntegrators(this.services.dataSource, ctx.actor);
  }

  @Query(() => IntegratorType, { description: "One integrator with its API keys. Admins only." })
  integrator(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<IntegratorType> {
    return getIntegrator(this.services.dataSource, ctx.actor, id);
  }

  @Mutation(() => IssuedApiKeyType, { description: "Registers an integrator and issues its first key (shown once). Admins only." })
  async createIntegrator(@Arg("input", () => CreateIntegratorInput) input: CreateIntegratorInput, @Ctx() ctx: RequestContext): Promise<IssuedApiKeyType> {
    const result = await createIntegrator(this.services.dataSource, ctx.actor, input);
    ctx.log.info({ integratorId: result.integrator.id, keyId: result.apiKey.id }, "integrator created");
    return result;
  }

  @Mutation(() => IssuedApiKeyType, { description: "Issues another key to an integrator (shown once). Admins only." })
  async issueIntegratorKey(@Arg("input", () => IssueIntegratorKeyInput) input: IssueIntegratorKeyInput, @Ctx() ctx: RequestContext): Promise<IssuedApiKeyType> {
    const result = await issueIntegratorKey(this.services.dataSource, ctx.actor, input);
    ctx.log.info({ integratorId: result.integrator.id, keyId: result.apiKey.id }, "integrator key issued");
    return result;
  }

  @Mutation(() => IssuedApiKeyType, {
    description: "Replaces a key with a new one (same scopes and limit, shown once); the old one keeps working for `overlapHours` (0–168). Admins only.",
  })
  async rotateIntegratorKey(
    @Arg("keyId", () => ID) keyId: string,
    @Arg("overlapHours", () => Float, { description: "How long the old key keeps working (0 = stops now)." }) overlapHours: number,
    @Ctx() ctx: RequestContext,
  ): Promise<IssuedApiKeyType> {
    const result = await rotateIntegratorKey(this.services.dataSource, ctx.actor, { keyId, overlapHours });
    ctx.log.info({ oldKeyId: keyId, keyId: result.apiKey.id, overlapHours }, "integrator key rotated");
    return result;
  }

  @Mutation(() => ApiKeyType, { description: "Revokes a key; every gateway refuses it from now on. Admins only." })
  async revokeIntegratorKey(@Arg("keyId", () => ID) keyId: string, @Ctx() ctx: RequestContext): Promise<ApiKeyType> {
    const key = await revokeIntegratorKey(this.services.dataSource, ctx.actor, { keyId });
    ctx.log.info({ keyId }, "integrator key revoked");
    return key;
  }
}
