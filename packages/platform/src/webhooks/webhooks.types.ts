import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhooks.js";

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "Ticket events a webhook can subscribe to (the `type` in a delivery's body is the lower-case value, e.g. ticket.received).",
  valuesConfig: {
    TICKET_RECEIVED: { description: "ticket.received: the centre received the request." },
    TICKET_DISPATCHED: { description: "ticket.dispatched: sent to a handling unit." },
    TICKET_REPLIED: { description: "ticket.replied: the handling unit replied." },
    TICKET_CLOSED: { description: "ticket.closed: closed (also when answered directly)." },
    TICKET_RE_REPORTED: { description: "ticket.re_reported: dispatched again after a reply or closing." },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Queued or waiting for its next attempt." },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Gave up after 24 hours of retries (can be redelivered)." },
  },
});

@ObjectType("Webhook", { description: "An integrator's subscription of a URL to ticket events (the signing secret is never shown again)." })
export class WebhookType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  integratorId!: string;

  @Field()
  integratorName!: string;

  @Field()
  url!: string;

  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Field({ description: "Deliveries may go to loopback, link-local and private addresses (set by an admin)." })
  allowPrivateNetwork!: boolean;

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType("CreatedWebhook", { description: "A new webhook with its signing secret, shown this once." })
export class CreatedWebhookType {
  @Field(() => WebhookType)
  webhook!: WebhookType;

  @Field({ description: "HMAC-SHA256 key for the X-Civicline-Signature header. Not retrievable later." })
  signingSecret!: string;
}

@ObjectType("WebhookAttempt", { description: "One attempt at a delivery." })
export class WebhookAttemptType {
  @Field()
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when none came (timeout, refused)." })
  statusCode!: number | null;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: "The start of the receiver's answer." })
  responseExcerpt!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType("WebhookDelivery", { description: "One event sent (or being sent) to one webhook." })
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The event id (same at every attempt and redelivery)." })
  eventId!: string;

  @Field({ description: "ticket.received, ticket.dispatched, … or ping." })
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: "Next attempt (pending), or when it was delivered." })
  nextAttemptAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => Int, { nullable: true })
  lastLatencyMs!: number | null;

  @Field(() => String, { nullable: true })
  lastResponseExcerpt!: string | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field({ description: "The exact JSON body sent." })
  body!: string;

  @Field(() => [WebhookAttemptType], { description: "Every attempt, oldest first." })
  attemptLog!: WebhookAttemptType[];
}

@InputType()
export class CreateWebhookInput {
  @Field(() => ID, { nullable: true, description: "Admins: the integrator. Integrators: omit (their own)." })
  integratorId?: string | null;

  @Field({ description: "http(s) URL that receives POSTed events." })
  url!: string;

  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Field(() => Boolean, { nullable: true, description: "Admins only: allow loopback, link-local and private addresses." })
  allowPrivateNetwork?: boolean | null;
}

@InputType()
export class UpdateWebhookInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  events?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Admins only." })
  allowPrivateNetwork?: boolean | null;
}
