import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CALLBACK_READERS } from "../callback.errors.js";
import { loadCallbackSettings, saveCallbackSettings, type CallbackSettingsValues } from "./callback-settings.js";
import { CallbackSettingsInput, CallbackSettingsType } from "./settings.types.js";

const view = (settings: CallbackSettingsValues): CallbackSettingsType => ({ ...settings, updatedBy: settings.updatedByName }) as unknown as CallbackSettingsType;

@Resolver()
export class CallbackSettingsResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => CallbackSettingsType, { description: "The callback settings in force. Callback agents, supervisors, admins, leaders." })
  async callbackSettings(@Ctx() ctx: RequestContext): Promise<CallbackSettingsType> {
    requireRole(ctx.actor, CALLBACK_READERS);
    return view(await loadCallbackSettings(this.services.dataSource));
  }

  @Mutation(() => CallbackSettingsType, { description: "Admin: change the callback settings; every field is checked (BAD_USER_INPUT with the fields). Applies to tasks and missed calls created afterwards." })
  async saveCallbackSettings(@Arg("input", () => CallbackSettingsInput, { description: "The settings." }) input: CallbackSettingsInput, @Ctx() ctx: RequestContext): Promise<CallbackSettingsType> {
    return view(await saveCallbackSettings(this.services.dataSource, { actor: ctx.actor, request: input }));
  }
}
