import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Subscription } from "type-graphql";
import { callbackQueueTopic } from "../live/callback-queue-changed.js";
import type { CallbackTask } from "./callback-task.entity.js";
import { callbackQueue, countCallbackQueues, getCallbackTask } from "./task-queries.js";
import { claimCallbackTask, recordCallbackAttempt, releaseCallbackTask } from "./task-work.js";
import { CallbackAttemptInput, CallbackQueueCountsType, CallbackQueueFilterInput, CallbackTaskPageType, CallbackTaskType } from "./task.types.js";
import { requireRole } from "@civicline/platform";
import { CALLBACK_READERS } from "../callback.errors.js";

const asType = (task: CallbackTask): CallbackTaskType => task as unknown as CallbackTaskType;

/** The callback agents' queue and the calls they record. */
@Resolver()
export class CallbackTaskResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => CallbackTaskPageType, { description: "The shared callback queue (open tasks by default), soonest due first. Callback agents, supervisors, admins, leaders." })
  async callbackQueue(
    @Arg("filter", () => CallbackQueueFilterInput, { nullable: true, description: "States, kinds, overdue or ready only." }) filter: CallbackQueueFilterInput | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Tasks to skip, 0 … 100,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CallbackTaskPageType> {
    const page = await callbackQueue(this.services.dataSource, { actor: ctx.actor, filter, limit, offset });
    return { total: page.total, items: page.items.map(asType) };
  }

  @Query(() => CallbackTaskType, { description: "One callback task with the ticket, the unit's reply, the script, the calls made and the answers. CALLBACK/TASK_NOT_FOUND." })
  async callbackTask(@Arg("id", () => ID, { description: "The task's id." }) id: string, @Ctx() ctx: RequestContext): Promise<CallbackTaskType> {
    return asType(await getCallbackTask(this.services.dataSource, { actor: ctx.actor, id }));
  }

  @Query(() => CallbackQueueCountsType, { description: "Figures of the callback queues now (open and overdue tasks and missed calls)." })
  async callbackQueueCounts(@Ctx() ctx: RequestContext): Promise<CallbackQueueCountsType> {
    requireRole(ctx.actor, CALLBACK_READERS);
    return countCallbackQueues(this.services.dataSource);
  }

  @Mutation(() => CallbackTaskType, { description: "Callback agent: take a task from the shared queue; it is locked to you for the configured minutes (claiming again extends it). CALLBACK/CLAIMED_BY_OTHER, CALLBACK/TASK_CLOSED." })
  async claimCallbackTask(@Arg("id", () => ID, { description: "The task's id." }) id: string, @Ctx() ctx: RequestContext): Promise<CallbackTaskType> {
    return asType(await claimCallbackTask(this.services.dataSource, { actor: ctx.actor, taskId: id }));
  }

  @Mutation(() => CallbackTaskType, { description: "Callback agent: put a task you claimed back in the shared queue." })
  async releaseCallbackTask(@Arg("id", () => ID, { description: "The task's id." }) id: string, @Ctx() ctx: RequestContext): Promise<CallbackTaskType> {
    return asType(await releaseCallbackTask(this.services.dataSource, { actor: ctx.actor, taskId: id }));
  }

  @Mutation(() => CallbackTaskType, {
    description:
      "Callback agent: record a call. NOT_REACHED schedules a retry after the retry interval (working time; CALLBACK/RETRY_NOT_DUE before it) and closes the task UNREACHABLE at the last try (a replied ticket is then closed: 回访未接通). REACHED records the answers: resolved and satisfied closes the ticket; otherwise a re-report is proposed to the supervisors.",
  })
  async recordCallbackAttempt(@Arg("input", () => CallbackAttemptInput, { description: "The call." }) input: CallbackAttemptInput, @Ctx() ctx: RequestContext): Promise<CallbackTaskType> {
    return asType(await recordCallbackAttempt(this.services.dataSource, { actor: ctx.actor, request: input }));
  }

  @Subscription(() => CallbackQueueCountsType, {
    description: "The callback queues changed (a task created, called, closed or overdue; a missed call reported or returned): the new figures. Callback agents, supervisors, admins, leaders.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.subscribe(callbackQueueTopic(ctx.actor));
    },
  })
  callbackQueueChanged(): Promise<CallbackQueueCountsType> {
    return countCallbackQueues(this.services.dataSource);
  }
}
