import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { requireRole } from "../auth/actor.js";
import { STAFF_ROLES } from "../auth/roles.js";
import type { RequestContext } from "../context.js";
import type { AppServices } from "../module.js";
import type { Notification } from "./notification.entity.js";
import { NotificationCountType, NotificationListType, NotificationType } from "./notification.types.js";
import { listNotifications, markNotificationsRead, notificationCountTopic } from "./notifications.js";

function toType(notification: Notification): NotificationType {
  return { ...notification, params: Object.entries(notification.params ?? {}).map(([name, value]) => ({ name, value: String(value) })) };
}

/** The signed-in person's in-app notifications: list, mark read, and the live unread count. */
@Resolver()
export class NotificationResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => NotificationListType, { description: "The signed-in person's notifications, newest first, with the unread count. Staff." })
  async myNotifications(
    @Arg("unreadOnly", () => Boolean, { nullable: true, description: "Only unread ones." }) unreadOnly: boolean | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 20, description: "Page size, 1 … 100." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Notifications to skip, 0 … 10,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationListType> {
    const list = await listNotifications({ db: this.services.dataSource, actor: ctx.actor, unreadOnly, limit, offset });
    return { unread: list.unread, items: list.items.map(toType) };
  }

  @Mutation(() => NotificationCountType, {
    description: "Marks the signed-in person's notifications read: the given ones, or all of them when ids is omitted. Never touches anyone else's. Returns the new unread count. Staff.",
  })
  async markNotificationsRead(
    @Arg("ids", () => [ID], { nullable: true, description: "Which ones; omit to mark all read." }) ids: string[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationCountType> {
    return { unread: await markNotificationsRead({ db: this.services.dataSource, actor: ctx.actor, ids }) };
  }

  @Subscription(() => NotificationCountType, {
    description: "The signed-in person's unread count, pushed whenever a notification reaches them or they mark some read (computed once per change, not per subscriber). Staff.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      const actor = requireRole(ctx.actor, STAFF_ROLES);
      return ctx.subscribe(notificationCountTopic(actor.id));
    },
  })
  notificationCountChanged(@Root() payload: { unread: number }): NotificationCountType {
    return { unread: payload.unread };
  }
}
