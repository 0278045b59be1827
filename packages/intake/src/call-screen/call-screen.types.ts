import { Field, ID, Int, ObjectType } from "type-graphql";
import { TicketStatus } from "../ticket/ticket.enums.js";
import { EmergencyService, TicketLinkKind } from "./call-screen.enums.js";

@ObjectType("ExtraFieldValue", { description: "The value given for one of the category's extra fields." })
export class ExtraFieldValueType {
  @Field({ description: "The field's key (see Category.fields)." })
  key!: string;

  @Field({ description: "The value as entered (NFC)." })
  value!: string;
}

@ObjectType("Attachment", { description: "A file attached to a ticket (photo or PDF, at most 10 MB)." })
export class AttachmentType {
  @Field(() => ID, { description: "The stored file's id." })
  id!: string;

  @Field({ description: "File name as uploaded." })
  filename!: string;

  @Field({ description: "The type found in the content (image/jpeg, image/png, image/webp, image/gif, application/pdf)." })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  size!: number;

  @Field({ description: "Where to download it (GET, same session)." })
  url!: string;
}

@ObjectType("TicketRef", { description: "Another ticket, briefly." })
export class TicketRefType {
  @Field(() => ID, { description: "Ticket id." })
  id!: string;

  @Field({ description: "Its tracking number." })
  trackingNumber!: string;

  @Field(() => TicketStatus, { description: "Its current status." })
  status!: TicketStatus;
}

@ObjectType("TicketLink", { description: "A link to another ticket." })
export class TicketLinkType {
  @Field(() => TicketLinkKind, { description: "How this ticket refers to the other." })
  kind!: TicketLinkKind;

  @Field(() => TicketRefType, { description: "The other ticket." })
  ticket!: TicketRefType;
}

@ObjectType("CoReporter", { description: "A caller whose duplicate ticket was merged into this one; told the result later." })
export class CoReporterType {
  @Field({ description: "The caller's name (匿名 / Anonymous where their privacy hides it from the viewer)." })
  name!: string;

  @Field({ description: "Masked unless the viewer is a call-taker or callback agent; empty where privacy hides it." })
  phone!: string;

  @Field({ description: "When the caller was added (the merge)." })
  addedAt!: Date;
}

@ObjectType("EmergencyHandoff", { description: "A hand-off of an emergency to 110/119/120/122." })
export class EmergencyHandoffType {
  @Field(() => EmergencyService, { description: "The service the call was handed to." })
  service!: EmergencyService;

  @Field({ description: "The reference number the service gave." })
  reference!: string;

  @Field({ description: "When it was handed off." })
  handedOffAt!: Date;

  @Field({ description: "Who handed it off (staff name at the time)." })
  handedOffBy!: string;

  @Field(() => [String], { description: "Checklist items the call-taker went through, in order." })
  checklist!: string[];
}

@ObjectType("QueueCounts", { description: "How many tickets each intake queue holds for the viewer." })
export class QueueCountsType {
  @Field(() => Int, { description: "Tickets awaiting dispatch." })
  waitingForDispatch!: number;

  @Field(() => Int, { description: "Tickets the viewer logged today (Asia/Shanghai)." })
  mineToday!: number;

  @Field(() => Int, { description: "Open emergencies." })
  emergencies!: number;

  @Field(() => Int, { description: "Tickets waiting at the centre (received or awaiting dispatch)." })
  received!: number;
}
