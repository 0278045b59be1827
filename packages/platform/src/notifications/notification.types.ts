import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("NotificationParam", { description: "A value for a placeholder of a notification's message keys." })
export class NotificationParamType {
  @Field({ description: "Placeholder name, e.g. `title`." })
  name!: string;

  @Field({ description: "Its value (already in the language of the data, e.g. an article title)." })
  value!: string;
}

@ObjectType("Notification", { description: "An in-app notification for the signed-in person. Clients render titleKey/bodyKey with params in the viewer's language." })
export class NotificationType {
  @Field(() => ID, { description: "Notification id." })
  id!: string;

  @Field({ description: "What it is about, e.g. knowledge.review_waiting, knowledge.change_approved, knowledge.sent_back, knowledge.article_expiring." })
  kind!: string;

  @Field({ description: "Message key of the title." })
  titleKey!: string;

  @Field(() => String, { nullable: true, description: "Message key of the body, if any." })
  bodyKey!: string | null;

  @Field(() => [NotificationParamType], { description: "Values for the placeholders of the title and body." })
  params!: NotificationParamType[];

  @Field(() => String, { nullable: true, description: "Where it leads: a path inside the staff apps (e.g. knowledge/articles/<id>)." })
  link!: string | null;

  @Field({ description: "When it was created." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the person marked it read; null while unread." })
  readAt!: Date | null;
}

@ObjectType("NotificationList", { description: "The signed-in person's notifications, newest first, and how many are unread." })
export class NotificationListType {
  @Field(() => Int, { description: "How many of the person's notifications are unread (all of them, not only this page)." })
  unread!: number;

  @Field(() => [NotificationType], { description: "This page, newest first." })
  items!: NotificationType[];
}

@ObjectType("NotificationCount", { description: "The signed-in person's unread notification count." })
export class NotificationCountType {
  @Field(() => Int, { description: "Unread notifications." })
  unread!: number;
}
