import type { TypedDocumentNode } from "@apollo/client";

/** One notification as the bell lists it (`query MyNotifications`). */
export type NotificationItem = {
  id: string;
  kind: string;
  titleKey: string;
  bodyKey: string | null;
  params: ReadonlyArray<{ name: string; value: string }>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

/**
 * The operations of the header's notification bell; each staff app generates them from
 * packages/ui/src/graphql/staff (MyNotifications, MarkNotificationsRead, NotificationCountChanged).
 */
export type NotificationDocuments = {
  list: TypedDocumentNode<{ myNotifications: { unread: number; items: readonly NotificationItem[] } }, { limit: number }>;
  markRead: TypedDocumentNode<{ markNotificationsRead: { unread: number } }, { ids?: string[] | null }>;
  countChanged: TypedDocumentNode<{ notificationCountChanged: { unread: number } }, { [key: string]: never }>;
};
