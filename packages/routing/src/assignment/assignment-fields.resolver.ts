import { AUTO_DISPATCH_ACTOR_ID, HistoryActorKind } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { deadlineState, minutesLeft } from "../deadlines.js";
import { DispatchRuleType } from "../rules/dispatch-rule.types.js";
import { intakeObjectType } from "../intake-types.js";
import { loadUnitList, routingLoaders } from "../routing-loaders.js";
import { UnitType } from "../unit/unit.types.js";
import type { Assignment } from "./assignment.entity.js";
import { AssignmentType, AssistInputType, DeadlinesType, ExtensionRequestType, ProgressNoteType, ReturnRequestType, UnitReplyType } from "./assignment.types.js";
import { extensionView, replyView, returnView } from "./assignment-views.js";

/** Resolves an assignment's references through per-request DataLoaders (one query per list). */
@Resolver(() => AssignmentType)
export class AssignmentFieldsResolver {
  constructor(private readonly services: AppServices) {}

  private loaders(ctx: RequestContext) {
    return routingLoaders(this.services.dataSource, ctx);
  }

  @FieldResolver(() => intakeObjectType("Ticket"))
  ticket(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<unknown> {
    return this.loaders(ctx).ticket.load(assignment.ticketId);
  }

  @FieldResolver(() => UnitType)
  async leadUnit(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<UnitType> {
    return (await this.loaders(ctx).unit.load(assignment.leadUnitId)) as UnitType;
  }

  @FieldResolver(() => [UnitType])
  async assistingUnits(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<UnitType[]> {
    return (await loadUnitList(this.loaders(ctx), assignment.assistingUnitIds)) as UnitType[];
  }

  @FieldResolver(() => String)
  dispatchedBy(@Root() assignment: Assignment): string {
    return assignment.dispatchedByName;
  }

  @FieldResolver(() => HistoryActorKind, { description: "Who dispatched it, as a kind: AUTO_DISPATCH (show the translated label), or STAFF (show dispatchedBy)." })
  dispatchedByKind(@Root() assignment: Assignment): HistoryActorKind {
    return assignment.dispatchedById === AUTO_DISPATCH_ACTOR_ID ? HistoryActorKind.AUTO_DISPATCH : HistoryActorKind.STAFF;
  }

  @FieldResolver(() => DispatchRuleType, { nullable: true })
  async rule(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<DispatchRuleType | null> {
    if (!assignment.ruleId) {
      return null;
    }
    const [rule] = await this.loaders(ctx).rule.loadMany([assignment.ruleId]);
    return rule instanceof Error || !rule ? null : (rule as unknown as DispatchRuleType);
  }

  @FieldResolver(() => DeadlinesType)
  async deadlines(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<DeadlinesType> {
    const now = new Date();
    const calendar = await this.loaders(ctx).calendar.load("default");
    const open = !assignment.repliedAt;
    return {
      dispatchDueAt: assignment.dispatchDueAt,
      signForDueAt: assignment.signForDueAt,
      completionDueAt: assignment.completionDueAt,
      nearDueAt: assignment.nearDueAt,
      state: deadlineState({ completionDueAt: assignment.completionDueAt, nearDueAt: assignment.nearDueAt, repliedAt: assignment.repliedAt, now }),
      workingMinutesLeft: open ? minutesLeft(calendar, { completionDueAt: assignment.completionDueAt, aroundTheClock: assignment.aroundTheClock, now }) : null,
    };
  }

  @FieldResolver(() => [ProgressNoteType])
  async notes(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<ProgressNoteType[]> {
    const loaders = this.loaders(ctx);
    const notes = await loaders.notes.load(assignment.id);
    const units = await loaders.unit.loadMany(notes.map((note) => note.unitId ?? assignment.leadUnitId));
    return notes.map((note, index) => {
      const unit = units[index];
      return {
        id: note.id,
        at: note.at,
        author: note.authorName,
        unit: note.unitId && unit && !(unit instanceof Error) ? (unit as UnitType) : null,
        visibility: note.visibility,
        text: note.text,
      };
    });
  }

  @FieldResolver(() => UnitReplyType, { nullable: true })
  async reply(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<UnitReplyType | null> {
    if (!assignment.repliedAt) {
      return null;
    }
    return replyView(assignment, await this.loaders(ctx).unit.load(assignment.leadUnitId));
  }

  @FieldResolver(() => ExtensionRequestType, { nullable: true })
  extension(@Root() assignment: Assignment): ExtensionRequestType | null {
    return extensionView(assignment);
  }

  @FieldResolver(() => [ReturnRequestType])
  async returns(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<ReturnRequestType[]> {
    const loaders = this.loaders(ctx);
    const rows = await loaders.returns.load(assignment.ticketId);
    return Promise.all(rows.map(async (row) => returnView(row, await loaders.unit.load(row.unitId))));
  }

  @FieldResolver(() => [AssistInputType])
  async assists(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<AssistInputType[]> {
    const loaders = this.loaders(ctx);
    const rows = await loaders.assists.load(assignment.id);
    const units = await loadUnitList(loaders, assignment.assistingUnitIds);
    return units.map((unit) => {
      const row = rows.find((candidate) => candidate.unitId === unit.id);
      return { unit: unit as UnitType, text: row?.assistText ?? null, at: row?.assistAt ?? null };
    });
  }
}
