import { smsSenderFor, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { PortalSettingsType, TrackingAccessType, TrackingCodeRequestType } from "./portal.types.js";
import { requestTrackingCode, verifyTrackingCode } from "./tracking-code.js";

/** The citizen portal's tracking sign-in (one-time codes by SMS) and settings. All public. */
@Resolver()
export class PortalResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => PortalSettingsType, { description: "What the portal offers here (map pin, SMS). Public." })
  portalSettings(): PortalSettingsType {
    return { mapTileUrl: this.services.config.mapTileUrl ?? null, smsEnabled: true };
  }

  @Mutation(() => TrackingCodeRequestType, {
    description:
      "Texts a 6-digit code to the phone a request was filed with, when the tracking number and phone belong together; the answer is the same when they do not. One code a minute and five an hour per request, a hundred an hour per address (INTAKE/OTP_RATE_LIMITED with retryAfterSeconds). Public.",
  })
  requestTrackingCode(
    @Arg("trackingNumber", { description: "e.g. ZB-20261124-00017" }) trackingNumber: string,
    @Arg("phone", { description: "The phone number given when filing." }) phone: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrackingCodeRequestType> {
    return requestTrackingCode(this.services.dataSource, { trackingNumber, phone, sms: smsSenderFor(this.services), clientIp: ctx.clientIp });
  }

  @Mutation(() => TrackingAccessType, {
    description:
      "Checks the code from `requestTrackingCode` and opens the request for 30 minutes. Errors: INTAKE/OTP_INVALID (with attemptsLeft), INTAKE/OTP_LOCKED after five wrong codes, INTAKE/OTP_EXPIRED. Public.",
  })
  verifyTrackingCode(
    @Arg("trackingNumber", { description: "The same tracking number." }) trackingNumber: string,
    @Arg("phone", { description: "The same phone number." }) phone: string,
    @Arg("code", { description: "The 6-digit code from the text message." }) code: string,
  ): Promise<TrackingAccessType> {
    return verifyTrackingCode(this.services.dataSource, { trackingNumber, phone, code });
  }
}
