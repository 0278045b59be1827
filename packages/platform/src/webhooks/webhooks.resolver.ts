import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import type { AppServices } from "../module.js";
import { createWebhook, listDeliveries, listWebhooks, redeliverWebhook, sendTestWebhook, updateWebhook } from "./webhooks.js";
import { CreatedWebhookType, CreateWebhookInput, UpdateWebhookInput, WebhookDeliveryType, WebhookType } from "./webhooks.types.js";

const toDelivery = (delivery: object): WebhookDeliveryType => ({ attemptLog: [], ...delivery }) as unknown as WebhookDeliveryType;

@Resolver()
export class WebhookResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [WebhookType], { description: "Webhooks: admins every one (or one integrator's); an integrator with the webhooks scope its own." })
  webhooks(@Arg("integratorId", () => ID, { nullable: true }) integratorId: string | null, @Ctx() ctx: RequestContext): Promise<WebhookType[]> {
    return listWebhooks(this.services.dataSource, ctx.actor, { integratorId }) as Promise<WebhookType[]>;
  }

  @Query(() => [WebhookDeliveryType], { description: "A webhook's delivery log, newest first, with attempts. Admins, or its integrator (webhooks scope)." })
  async webhookDeliveries(
    @Arg("webhookId", () => ID) webhookId: string,
    @Arg("first", () => Int, { nullable: true, description: "At most this many (default 50, at most 200)." }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDeliveryType[]> {
    return (await listDeliveries(this.services.dataSource, ctx.actor, { webhookId, limit: first })).map(toDelivery);
  }

  @Mutation(() => CreatedWebhookType, { description: "Subscribes a URL to ticket events; the signing secret is in the answer only. Admins, or an integrator for itself (webhooks scope)." })
  async createWebhook(@Arg("input", () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: RequestContext): Promise<CreatedWebhookType> {
    const created = await createWebhook(this.services.dataSource, ctx.actor, input);
    ctx.log.info({ webhookId: created.webhook.id, integratorId: created.webhook.integratorId }, "webhook created");
    return created as CreatedWebhookType;
  }

  @Mutation(() => WebhookType, { description: "Changes a webhook's URL, events or active flag (admins also its private-network permission)." })
  async updateWebhook(@Arg("input", () => UpdateWebhookInput) input: UpdateWebhookInput, @Ctx() ctx: RequestContext): Promise<WebhookType> {
    return (await updateWebhook(this.services.dataSource, ctx.actor, input)) as WebhookType;
  }

  @Mutation(() => WebhookDeliveryType, { description: "Sends a delivery again now with the same event id and body." })
  async redeliverWebhook(@Arg("deliveryId", () => ID) deliveryId: string, @Ctx() ctx: RequestContext): Promise<WebhookDeliveryType> {
    return toDelivery(await redeliverWebhook(this.services.dataSource, ctx.actor, { deliveryId }));
  }

  @Mutation(() => WebhookDeliveryType, { description: "Queues a `ping` event to a webhook, to check it end to end." })
  async sendTestWebhook(@Arg("webhookId", () => ID) webhookId: string, @Ctx() ctx: RequestContext): Promise<WebhookDeliveryType> {
    return toDelivery(await sendTestWebhook(this.services.dataSource, ctx.actor, { webhookId }));
  }
}
