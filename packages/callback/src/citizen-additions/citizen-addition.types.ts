import { PortalAttachmentInput } from "@civicline/intake";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@ObjectType("CitizenAdditionPhoto", { description: "A photo a citizen added to their request." })
export class CitizenAdditionPhotoType {
  @Field(() => ID, { description: "The stored file's id." })
  id!: string;

  @Field({ description: "File name as uploaded." })
  filename!: string;

  @Field({ description: "The type found in the content." })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  size!: number;

  @Field({ description: "Where to open it (GET /files/<id>, for staff who may open the ticket)." })
  url!: string;
}

@ObjectType("CitizenAddition", { description: "What a citizen added to their open request on the portal (市民补充): a message and/or photos." })
export class CitizenAdditionType {
  @Field(() => ID, { description: "Addition id." })
  id!: string;

  @Field(() => ID, { description: "The ticket." })
  ticketId!: string;

  @Field({ description: "The ticket's tracking number." })
  trackingNumber!: string;

  @Field(() => String, { nullable: true, description: "The citizen's words; null when they only added photos." })
  message!: string | null;

  @Field(() => [CitizenAdditionPhotoType], { description: "The photos added." })
  photos!: CitizenAdditionPhotoType[];

  @Field({ description: "When it was added." })
  at!: Date;

  @Field(() => Date, { nullable: true, description: "When the lead unit marked it read (null: unread)." })
  seenAt!: Date | null;
}

@InputType("CitizenAdditionInput", { description: "What a citizen adds to their open request." })
export class CitizenAdditionInput {
  @Field({ description: "The request's tracking number." })
  trackingNumber!: string;

  @Field({ description: "From `verifyTrackingCode`." })
  accessToken!: string;

  @Field(() => String, { nullable: true, description: "Their message (up to 2,000 characters); a message or a photo is needed." })
  message?: string | null;

  @Field(() => [PortalAttachmentInput], { nullable: true, description: "Photos uploaded with POST /uploads (at most 10), each with its uploadKey." })
  attachments?: PortalAttachmentInput[] | null;
}
