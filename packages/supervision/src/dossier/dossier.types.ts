import { HistoryActorKind, HistoryNote, TicketHistoryKind, TicketStatus } from "@civicline/intake";
import { UnitType } from "@civicline/routing";
import { Field, ID, Int, ObjectType, getMetadataStorage } from "type-graphql";
import { TimelineKind } from "./timeline.enums.js";

/**
 * GraphQL object types of other packages that their index does not export (intake's Ticket,
 * routing's Assignment), found by schema name. Used only in lazy `@Field(() => …)` thunks.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function objectTypeNamed(name: "Ticket" | "Assignment" | "HistoryNoteParam" | "Category"): Function {
  const found = getMetadataStorage().objectTypes.find((type) => type.name === name);
  if (!found) {
    throw new Error(`GraphQL type ${name} is not registered (is its package loaded?)`);
  }
  return found.target;
}

@ObjectType("TimelineEntry", { description: "One step of a ticket's life on the ticket page, from any module, in time order." })
export class TimelineEntryType {
  @Field(() => ID, { description: "Stable id (source and row), e.g. history:42." })
  id!: string;

  @Field({ description: "When it happened." })
  at!: Date;

  @Field(() => TimelineKind, { description: "What it records." })
  kind!: TimelineKind;

  @Field(() => TicketHistoryKind, { nullable: true, description: "For HISTORY entries: the history row's kind (status change, link, supervision step …)." })
  historyKind!: TicketHistoryKind | null;

  @Field(() => TicketStatus, { nullable: true, description: "For HISTORY entries: the status before (null for the first step)." })
  fromStatus!: TicketStatus | null;

  @Field(() => TicketStatus, { nullable: true, description: "For HISTORY entries: the status after." })
  toStatus!: TicketStatus | null;

  @Field(() => String, { nullable: true, description: "Who did it (name at the time)." })
  actorName!: string | null;

  @Field(() => HistoryActorKind, { nullable: true, description: "For HISTORY entries: who did it as a kind (STAFF: show actorName; else the translated kind)." })
  actorKind!: HistoryActorKind | null;

  @Field(() => HistoryNote, { nullable: true, description: "For HISTORY entries: the note as a code to render in the viewer's language with noteParams (else show text)." })
  noteCode!: HistoryNote | null;

  @Field(() => [objectTypeNamed("HistoryNoteParam")], { description: "Parameters of noteCode (empty without one)." })
  noteParams!: Array<{ name: string; value: string }>;

  @Field(() => String, { nullable: true, description: "The unit concerned (Chinese name)." })
  unitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The unit concerned (English name, when it has one)." })
  unitNameEn!: string | null;

  @Field(() => String, { nullable: true, description: "What was written: the reason, note, comment or decision note." })
  text!: string | null;

  @Field(() => String, { nullable: true, description: "The GraphQL enum that `detailValue` belongs to (e.g. ReturnReason), to render it translated." })
  detailEnum!: string | null;

  @Field(() => String, { nullable: true, description: "A value of `detailEnum` (e.g. NOT_OUR_JURISDICTION); for EXTENSION_REQUESTED the working days asked for." })
  detailValue!: string | null;

  @Field({ description: "Whether the citizen's own timeline shows it too." })
  isPublic!: boolean;
}

@ObjectType("ReReportChainTicket", { description: "A ticket of a re-report chain (linked as RE_REPORT_OF)." })
export class ReReportChainTicketType {
  @Field(() => ID, { description: "Ticket id." })
  id!: string;

  @Field({ description: "Its tracking number (open it on the ticket page)." })
  trackingNumber!: string;

  @Field(() => TicketStatus, { description: "Its status now." })
  status!: TicketStatus;

  @Field({ description: "When it was received." })
  receivedAt!: Date;

  @Field(() => Int, { description: "0 for this ticket; −1 the ticket it re-reports, −2 that one's original …; +1 a re-report of it, +2 a re-report of that …" })
  position!: number;
}

@ObjectType("ReReportRound", { description: "A re-report (续报) accepted after a callback: the same ticket sent again to the unit." })
export class ReReportRoundType {
  @Field({ description: "When it was accepted." })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The unit it went back to (Chinese name)." })
  unitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The unit it went back to (English name)." })
  unitNameEn!: string | null;

  @Field(() => String, { nullable: true, description: "The supervisor who accepted it." })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The supervisor's note." })
  note!: string | null;
}

@ObjectType("ReReportChain", { description: "Where a ticket stands among re-reports: the linked chain (original → re-reports) and the re-report rounds of this ticket." })
export class ReReportChainType {
  @Field(() => [ReReportChainTicketType], { description: "The chain through RE_REPORT_OF links in both directions, original first; just this ticket when it has none." })
  tickets!: ReReportChainTicketType[];

  @Field(() => [ReReportRoundType], { description: "Accepted re-reports of this ticket itself, oldest first." })
  rounds!: ReReportRoundType[];
}

@ObjectType("TicketDossier", { description: "Everything about one ticket for the ticket page, as the viewer may see it." })
export class TicketDossierType {
  @Field(() => objectTypeNamed("Ticket"), { description: "The request and the caller (masked as the viewer's role and the ticket's privacy require), attachments, links, co-reporters." })
  ticket!: unknown;

  @Field(() => [objectTypeNamed("Category")], { description: "The ticket's category with its parents, top level first (e.g. 住房 › 物业收费)." })
  categoryPath!: unknown[];

  @Field(() => [objectTypeNamed("Assignment")], { description: "Every dispatch of the ticket, oldest first (a re-dispatch after a return or a re-report is a new one)." })
  assignments!: unknown[];

  @Field(() => [TimelineEntryType], { description: "The whole timeline in time order: ticket history (supervision steps included), notes, routing and callback steps." })
  timeline!: TimelineEntryType[];

  @Field(() => ReReportChainType, { description: "The re-report chain." })
  reReports!: ReReportChainType;
}

@ObjectType("UnitReReportCount", { description: "Re-reports (accepted 续报) of one unit in a period." })
export class UnitReReportCountType {
  @Field(() => UnitType, { description: "The unit the re-reports went back to." })
  unit!: UnitType;

  @Field(() => Int, { description: "How many re-reports were accepted in the period." })
  count!: number;
}
