import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { answerOrder } from "./answer-order.js";
import { escalateOrder } from "./escalate-order.js";
import { issueOrder } from "./issue-order.js";
import { ordersChangedTopic } from "./order-live.js";
import { countOrdersPerUnit, getOrder, listOrders, listTicketOrders, listUnitOrders, type OrderView } from "./order-queries.js";
import { ORDER_READERS } from "./order.errors.js";
import { loadOrderSettings, saveOrderSettings, type OrderSettingsValues } from "./order-settings.js";
import { SupervisionOrderEvent } from "./order-event.entity.js";
import { closeOrder, sendBackOrder } from "./review-order.js";
import { IssueOrderInput, OrderFilterInput, OrderSettingsInput, OrderSettingsType, SupervisionOrderCountType, SupervisionOrderEventType, SupervisionOrderType } from "./order.types.js";
import { In } from "typeorm";

const asType = (view: OrderView): SupervisionOrderType => view as unknown as SupervisionOrderType;
const settingsView = (settings: OrderSettingsValues): OrderSettingsType => ({ ...settings, updatedBy: settings.updatedByName }) as unknown as OrderSettingsType;
const orderIdArg = { description: "The order's id." } as const;

/** Supervision orders (督办单): the centre's list and actions, the unit's answers, settings, counts per unit. */
@Resolver(() => SupervisionOrderType)
export class SupervisionOrderResolver {
  constructor(private readonly services: AppServices) {}

  private now(): Date {
    return this.services.now?.() ?? new Date();
  }

  /** The order as the caller may see it after a change (access as for `supervisionOrder`). */
  private async view(ctx: RequestContext, orderId: string): Promise<SupervisionOrderType> {
    return asType(await getOrder(this.services.dataSource, { actor: ctx.actor, orderId, now: this.now() }));
  }

  @Query(() => [SupervisionOrderType], { description: "Supervisors, admins, leaders, dispatchers: supervision orders, open and answered by default; open first with overdue answers at the top, then the soonest deadline." })
  async supervisionOrders(
    @Arg("filter", () => OrderFilterInput, { nullable: true, description: "Which orders." }) filter: OrderFilterInput | null,
    @Arg("limit", () => Int, { nullable: true, description: "At most this many (1–200, default 50)." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, description: "Skip this many." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderType[]> {
    return (await listOrders(this.services.dataSource, { actor: ctx.actor, filter, limit, offset, now: this.now() })).map(asType);
  }

  @Query(() => SupervisionOrderType, { description: "One supervision order. Centre readers; a handler only for their unit's (SUPERVISION/NOT_YOUR_UNIT)." })
  async supervisionOrder(@Arg("id", () => ID, orderIdArg) id: string, @Ctx() ctx: RequestContext): Promise<SupervisionOrderType> {
    return this.view(ctx, id);
  }

  @Query(() => [SupervisionOrderType], { description: "Handler: the orders addressed to my unit that are not closed, those waiting for our answer first (overdue first)." })
  async unitSupervisionOrders(@Ctx() ctx: RequestContext): Promise<SupervisionOrderType[]> {
    return (await listUnitOrders(this.services.dataSource, { actor: ctx.actor, now: this.now() })).map(asType);
  }

  @Query(() => [SupervisionOrderType], { description: "A ticket's supervision orders, newest first. Centre readers see all; a handler only those addressed to their unit." })
  async ticketSupervisionOrders(@Arg("ticketId", () => ID, { description: "The ticket's id." }) ticketId: string, @Ctx() ctx: RequestContext): Promise<SupervisionOrderType[]> {
    return (await listTicketOrders(this.services.dataSource, { actor: ctx.actor, ticketId, now: this.now() })).map(asType);
  }

  @Query(() => [SupervisionOrderCountType], { description: "Supervision orders issued in a period counted per unit (for the measures). Supervisors, admins, leaders, dispatchers." })
  async supervisionOrderCounts(
    @Arg("from", () => Date, { nullable: true, description: "Issued at or after (default: ever)." }) from: Date | null,
    @Arg("to", () => Date, { nullable: true, description: "Issued before (default: now and later)." }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderCountType[]> {
    return countOrdersPerUnit(this.services.dataSource, { actor: ctx.actor, from, to, now: this.now() });
  }

  @Query(() => OrderSettingsType, { description: "The supervision order settings in force. Supervisors, admins, leaders, dispatchers." })
  async supervisionOrderSettings(@Ctx() ctx: RequestContext): Promise<OrderSettingsType> {
    requireRole(ctx.actor, ORDER_READERS);
    return settingsView(await loadOrderSettings(this.services.dataSource));
  }

  @FieldResolver(() => [SupervisionOrderEventType], { description: "The order's timeline, oldest first." })
  async timeline(@Root() order: SupervisionOrderType, @Ctx() ctx: RequestContext): Promise<SupervisionOrderEventType[]> {
    const loader = ctx.loaders.get<string, SupervisionOrderEvent[]>("supervision.orderTimeline", async (ids) => {
      const rows = await this.services.dataSource.getRepository(SupervisionOrderEvent).find({ where: { orderId: In([...ids]) }, order: { id: "ASC" } });
      return ids.map((id) => rows.filter((row) => row.orderId === id));
    });
    return (await loader.load(order.id)) as unknown as SupervisionOrderEventType[];
  }

  @Mutation(() => SupervisionOrderType, {
    description:
      "Supervisor, admin: issue a supervision order for a dispatched ticket to its lead unit. SUPERVISION/TICKET_NOT_FOUND, TICKET_CLOSED, NOT_DISPATCHED, ORDER_ALREADY_OPEN (an open order of that level exists); BAD_USER_INPUT for a deadline in the past.",
  })
  async issueSupervisionOrder(@Arg("input", () => IssueOrderInput, { description: "The order." }) input: IssueOrderInput, @Ctx() ctx: RequestContext): Promise<SupervisionOrderType> {
    const order = await issueOrder(this.services.dataSource, { actor: ctx.actor, request: input, now: this.now() });
    return this.view(ctx, order.id);
  }

  @Mutation(() => SupervisionOrderType, { description: "Handler of the unit the order is addressed to: answer an open order (SUPERVISION/NOT_YOUR_UNIT otherwise)." })
  async answerSupervisionOrder(
    @Arg("orderId", () => ID, orderIdArg) orderId: string,
    @Arg("text", () => String, { description: "What was done (4 to 2,000 characters)." }) text: string,
    @Arg("expectedDoneAt", () => Date, { description: "When the matter will be finished." }) expectedDoneAt: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderType> {
    const order = await answerOrder(this.services.dataSource, { actor: ctx.actor, request: { orderId, text, expectedDoneAt }, now: this.now() });
    return this.view(ctx, order.id);
  }

  @Mutation(() => SupervisionOrderType, { description: "Supervisor, admin: close an answered order as satisfied. SUPERVISION/ORDER_NOT_ANSWERED for an unanswered one." })
  async closeSupervisionOrder(
    @Arg("orderId", () => ID, orderIdArg) orderId: string,
    @Arg("note", () => String, { nullable: true, description: "A note (up to 1,000 characters)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderType> {
    const order = await closeOrder(this.services.dataSource, { actor: ctx.actor, orderId, note, now: this.now() });
    return this.view(ctx, order.id);
  }

  @Mutation(() => SupervisionOrderType, { description: "Supervisor, admin: send an answer back; the order reopens with a new response deadline. SUPERVISION/ORDER_NOT_ANSWERED for an unanswered one." })
  async sendBackSupervisionOrder(
    @Arg("orderId", () => ID, orderIdArg) orderId: string,
    @Arg("reason", () => String, { description: "Why the answer is not enough (4 to 1,000 characters)." }) reason: string,
    @Arg("responseWorkingMinutes", () => Int, { nullable: true, description: "Working minutes from now to answer again (default: the level's)." }) responseWorkingMinutes: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderType> {
    const order = await sendBackOrder(this.services.dataSource, { actor: ctx.actor, orderId, reason, responseWorkingMinutes, now: this.now() });
    return this.view(ctx, order.id);
  }

  @Mutation(() => SupervisionOrderType, { description: "Supervisor, admin: escalate an order by hand to the next level, with that level's response time. SUPERVISION/ORDER_AT_TOP_LEVEL at listed supervision." })
  async escalateSupervisionOrder(
    @Arg("orderId", () => ID, orderIdArg) orderId: string,
    @Arg("note", () => String, { nullable: true, description: "Why (up to 1,000 characters)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionOrderType> {
    const order = await escalateOrder(this.services.dataSource, { actor: ctx.actor, orderId, note, now: this.now() });
    return this.view(ctx, order.id);
  }

  @Mutation(() => OrderSettingsType, { description: "Admin: change the supervision order settings; every field is checked (BAD_USER_INPUT with the fields)." })
  async saveSupervisionOrderSettings(@Arg("input", () => OrderSettingsInput, { description: "The settings." }) input: OrderSettingsInput, @Ctx() ctx: RequestContext): Promise<OrderSettingsType> {
    return settingsView(await saveOrderSettings(this.services.dataSource, { actor: ctx.actor, request: input, now: this.now() }));
  }

  @Subscription(() => Boolean, {
    description: "Supervision orders changed: a handler hears their unit's, centre readers every order. Refetch on each.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.subscribe(ordersChangedTopic(ctx.actor));
    },
  })
  supervisionOrdersChanged(): boolean {
    return true;
  }
}
