import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("TrackingCodeRequest", {
  description: "The answer to `requestTrackingCode`: the same whether or not the tracking number and phone belong together.",
})
export class TrackingCodeRequestType {
  @Field({ description: "The phone the code goes to, masked as typed (138****5678)." })
  sentTo!: string;

  @Field({ description: "When the code stops working (5 minutes after it was sent)." })
  expiresAt!: Date;

  @Field(() => Int, { description: "Seconds to wait before asking for another code." })
  resendAfterSeconds!: number;
}

@ObjectType("TrackingAccess", { description: "Access to one request on the portal, after its one-time code was verified." })
export class TrackingAccessType {
  @Field({ description: "Send it to `trackTicket` (and `rateTicketOnline`); it opens this one request only." })
  accessToken!: string;

  @Field({ description: "When the access ends (30 minutes after the code was verified)." })
  expiresAt!: Date;
}

@ObjectType("PortalSettings", { description: "What the citizen portal offers on this installation." })
export class PortalSettingsType {
  @Field(() => String, { nullable: true, description: "Map tile URL template ({z}/{x}/{y}); null when no tile server is configured (no map pin then)." })
  mapTileUrl!: string | null;

  @Field({ description: "Whether text messages are sent (always true: a development sender records them when no SMS gateway is set)." })
  smsEnabled!: boolean;
}
