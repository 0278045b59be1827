import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { addToRequest } from "./add-to-request.js";
import { additionView, additionsOfOpenedRequest, markAdditionSeen, unreadAdditionsOfUnit, type AdditionView } from "./addition-queries.js";
import { CitizenAdditionInput, CitizenAdditionType } from "./citizen-addition.types.js";

const view = (addition: AdditionView): CitizenAdditionType => addition;

/** Citizens add to their open requests on the portal; the lead unit reads the additions first on its workbench. */
@Resolver()
export class CitizenAdditionsResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => CitizenAdditionType, {
    description:
      "A citizen adds a message and/or photos to their open request (public, with the access token from verifyTrackingCode). The lead unit sees it at the top of its workbench and in the timeline. Errors (nothing stored): INTAKE/TRACKING_ACCESS_INVALID, CALLBACK/REQUEST_CLOSED, CALLBACK/NOTHING_TO_ADD, BAD_USER_INPUT (message), INTAKE/ATTACHMENT_REJECTED.",
  })
  async addToRequest(@Arg("input", () => CitizenAdditionInput, { description: "What to add." }) input: CitizenAdditionInput, @Ctx() ctx: RequestContext): Promise<CitizenAdditionType> {
    const addition = await addToRequest(this.services.dataSource, input);
    ctx.log.info({ ticketId: addition.ticketId, additionId: addition.id, photos: addition.fileIds.length }, "citizen added to their request");
    return view(await additionView(this.services.dataSource, addition));
  }

  @Query(() => [CitizenAdditionType], { description: "What the citizen added to the request they opened (public, with the access token), oldest first. INTAKE/TRACKING_ACCESS_INVALID." })
  async requestAdditions(
    @Arg("trackingNumber", { description: "The request's tracking number." }) trackingNumber: string,
    @Arg("accessToken", { description: "From `verifyTrackingCode`." }) accessToken: string,
  ): Promise<CitizenAdditionType[]> {
    return (await additionsOfOpenedRequest(this.services.dataSource, { trackingNumber, accessToken })).map(view);
  }

  @Query(() => [CitizenAdditionType], { description: "HANDLER: what citizens added to tickets your unit leads, not yet marked read, newest first (at most 50)." })
  async unreadCitizenAdditions(@Ctx() ctx: RequestContext): Promise<CitizenAdditionType[]> {
    return (await unreadAdditionsOfUnit(this.services.dataSource, { actor: ctx.actor })).map(view);
  }

  @Mutation(() => CitizenAdditionType, { description: "HANDLER of the lead unit: mark a citizen's addition read (it stays in the timeline). CALLBACK/ADDITION_NOT_FOUND." })
  async markCitizenAdditionRead(@Arg("id", () => ID, { description: "The addition." }) id: string, @Ctx() ctx: RequestContext): Promise<CitizenAdditionType> {
    return view(await markAdditionSeen(this.services.dataSource, { actor: ctx.actor, additionId: id }));
  }
}
