import { PublicTicketType, Ticket, ticketIdForTrackingAccess } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { CallbackSurvey } from "../survey/callback-survey.entity.js";
import { CitizenRatingType, OnlineRatingInput } from "./online.types.js";
import { canRateOnline, latestRating, rateOnline } from "./rate-online.js";

function ratingView(survey: CallbackSurvey): CitizenRatingType {
  return {
    resolution: survey.resolution!,
    resultSatisfaction: survey.resultSatisfaction!,
    processSatisfaction: survey.processSatisfaction,
    comment: survey.comment,
    ratedAt: survey.answeredAt,
    channel: survey.channel,
  };
}

/** The portal's root is the ticket row (spread); fall back to the tracking number if the id is not there. */
async function ticketIdOf(services: AppServices, root: { id?: string; trackingNumber?: string }): Promise<string | null> {
  if (root.id) {
    return root.id;
  }
  if (!root.trackingNumber) {
    return null;
  }
  return (await services.dataSource.getRepository(Ticket).findOne({ where: { trackingNumber: root.trackingNumber }, select: { id: true } }))?.id ?? null;
}

/** Citizens rate the reply on the portal (public, with the tracking access token). */
@Resolver()
export class OnlineRatingResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => CitizenRatingType, {
    description:
      "A citizen rates the reply to their request (public, with the access token from verifyTrackingCode). Counts like an answer by phone and closes the callback. INTAKE/TRACKING_ACCESS_INVALID, CALLBACK/NOT_RATEABLE (not replied yet, or the callback ended), CALLBACK/ALREADY_RATED.",
  })
  async rateTicketOnline(@Arg("input", () => OnlineRatingInput, { description: "The rating." }) input: OnlineRatingInput, @Ctx() ctx: RequestContext): Promise<CitizenRatingType> {
    const ticketId = await ticketIdForTrackingAccess(this.services.dataSource, input.accessToken);
    const survey = await rateOnline(this.services.dataSource, { ticketId, request: input });
    ctx.log.info({ ticketId }, "reply rated online");
    return ratingView(survey);
  }
}

/** `canRate` and `rating` on the citizen's view of a ticket. */
@Resolver(() => PublicTicketType)
export class PublicTicketRatingResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => Boolean, { description: "Whether the citizen may rate the unit's reply now (replied, and not yet answered by phone or online)." })
  async canRate(@Root() root: { id?: string; trackingNumber?: string }): Promise<boolean> {
    const id = await ticketIdOf(this.services, root);
    return id ? canRateOnline(this.services.dataSource, id) : false;
  }

  @FieldResolver(() => CitizenRatingType, { nullable: true, description: "The answers given about the latest reply (by phone or online), if any." })
  async rating(@Root() root: { id?: string; trackingNumber?: string }): Promise<CitizenRatingType | null> {
    const id = await ticketIdOf(this.services, root);
    const survey = id ? await latestRating(this.services.dataSource, id) : null;
    return survey ? ratingView(survey) : null;
  }
}
