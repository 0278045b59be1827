import { PublicTicketType, type Ticket } from "@civicline/intake";
import type { AppServices, RequestContext } from "@civicline/platform";
import { Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, Ctx } from "type-graphql";
import { In, IsNull, Not, type DataSource } from "typeorm";
import { Assignment } from "../assignment/assignment.entity.js";
import { NoteVisibility } from "../assignment/assignment.enums.js";
import { ProgressNote } from "../assignment/progress-note.entity.js";
import { Unit } from "../unit/unit.entity.js";

@ObjectType("PublicReplyAttachment", {
  description: "A photo or document the unit attached to its reply. The citizen reads it from `url` with the header `x-tracking-access: <accessToken>`.",
})
export class PublicReplyAttachmentType {
  @Field(() => ID, { description: "The file's id." })
  id!: string;

  @Field({ description: "The file's name." })
  filename!: string;

  @Field({ description: "Its MIME type (image/jpeg …, application/pdf)." })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  size!: number;

  @Field({ description: "Where to read it: /files/<id>, with the tracking access token in the x-tracking-access header." })
  url!: string;
}

@ObjectType("PublicNote", { description: "A progress note a handling unit marked public (公开，诉求人可见): the text and the unit, no staff names." })
export class PublicNoteType {
  @Field({ description: "When it was written." })
  at!: Date;

  @Field({ description: "The note." })
  text!: string;

  @Field({ description: "The writing unit's name in Chinese." })
  unitNameZh!: string;

  @Field({ description: "The writing unit's name in English." })
  unitNameEn!: string;
}

@ObjectType("PublicReply", { description: "The handling unit's reply as the citizen sees it: the result and explanation, no staff names, no internal notes." })
export class PublicReplyType {
  @Field({ description: "The reply (result and explanation)." })
  text!: string;

  @Field({ description: "When the unit replied." })
  repliedAt!: Date;

  @Field({ description: "The replying (lead) unit's name in Chinese." })
  unitNameZh!: string;

  @Field({ description: "The replying (lead) unit's name in English." })
  unitNameEn!: string;

  @Field(() => [PublicReplyAttachmentType], { description: "Photos and documents attached to the reply." })
  attachments!: PublicReplyAttachmentType[];
}

/** The latest reply of each ticket's lead unit, for several tickets in two queries. */
export async function publicRepliesOf(dataSource: DataSource, ticketIds: readonly string[]): Promise<Array<PublicReplyType | null>> {
  const replied = await dataSource.getRepository(Assignment).find({
    where: { ticketId: In([...ticketIds]), repliedAt: Not(IsNull()), replyText: Not(IsNull()) },
    order: { repliedAt: "DESC" },
    select: { ticketId: true, leadUnitId: true, replyText: true, repliedAt: true, replyAttachments: true },
  });
  const units = replied.length ? await dataSource.getRepository(Unit).findBy({ id: In([...new Set(replied.map((a) => a.leadUnitId))]) }) : [];
  return ticketIds.map((ticketId) => {
    const latest = replied.find((assignment) => assignment.ticketId === ticketId);
    const unit = latest && units.find((candidate) => candidate.id === latest.leadUnitId);
    if (!latest || !unit) {
      return null;
    }
    const attachments = (latest.replyAttachments ?? []).map((file) => ({ ...file, url: `/files/${file.id}` }));
    return { text: latest.replyText!, repliedAt: latest.repliedAt!, unitNameZh: unit.nameZh, unitNameEn: unit.nameEn, attachments };
  });
}

/**
 * The public progress notes of several tickets (every assignment, every unit), oldest first, in
 * three indexed queries (assignments by ticket, notes by assignment, their units).
 */
async function publicNotesOf(dataSource: DataSource, ticketIds: readonly string[]): Promise<PublicNoteType[][]> {
  const assignments = await dataSource.getRepository(Assignment).find({ where: { ticketId: In([...ticketIds]) }, select: { id: true } });
  const notes = assignments.length
    ? await dataSource.getRepository(ProgressNote).find({
        where: { assignmentId: In(assignments.map((assignment) => assignment.id)), visibility: NoteVisibility.PUBLIC },
        order: { at: "ASC" },
        select: { ticketId: true, unitId: true, text: true, at: true },
      })
    : [];
  const unitIds = [...new Set(notes.flatMap((note) => (note.unitId ? [note.unitId] : [])))];
  const units = new Map((unitIds.length ? await dataSource.getRepository(Unit).findBy({ id: In(unitIds) }) : []).map((unit) => [unit.id, unit]));
  return ticketIds.map((ticketId) =>
    notes
      .filter((note) => note.ticketId === ticketId)
      .map((note) => {
        const unit = note.unitId ? units.get(note.unitId) : undefined;
        return { at: note.at, text: note.text, unitNameZh: unit?.nameZh ?? "", unitNameEn: unit?.nameEn ?? "" };
      }),
  );
}

/**
 * Whether a file is attached to the public reply of this ticket (the citizen holding the ticket's
 * tracking access may read it; nothing else of the ticket's files).
 */
export async function isPublicReplyFile(dataSource: DataSource, input: { fileId: string; ticketId: string }): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM routing_assignment
      WHERE ticket_id = $1 AND replied_at IS NOT NULL AND reply_text IS NOT NULL
        AND reply_attachments @> jsonb_build_array(jsonb_build_object('id', $2::text)) LIMIT 1`,
    [input.ticketId, input.fileId],
  );
  return rows.length > 0;
}

/** `PublicTicket.reply`: what the lead unit answered, once it has replied. */
@Resolver(() => PublicTicketType)
export class PublicReplyResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => PublicReplyType, {
    nullable: true,
    description: "The lead unit's latest reply (result and explanation); null until the unit has replied.",
  })
  reply(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<PublicReplyType | null> {
    const loader = ctx.loaders.get<string, PublicReplyType | null>("routing.public-reply", (ids) => publicRepliesOf(this.services.dataSource, ids));
    return loader.load(ticket.id);
  }

  @FieldResolver(() => [PublicNoteType], {
    description: "Progress notes the handling units marked public (公开，诉求人可见), oldest first; internal notes never.",
  })
  publicNotes(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<PublicNoteType[]> {
    const loader = ctx.loaders.get<string, PublicNoteType[]>("routing.public-notes", (ids) => publicNotesOf(this.services.dataSource, ids));
    return loader.load(ticket.id);
  }
}

/** The latest public progress note of each ticket that has one (for Open311's status_notes). */
export async function latestPublicNotes(dataSource: DataSource, ticketIds: readonly string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) {
    return new Map();
  }
  const notes = await publicNotesOf(dataSource, ticketIds);
  return new Map(ticketIds.flatMap((ticketId, index) => {
    const latest = notes[index]?.at(-1);
    return latest ? [[ticketId, latest.text] as const] : [];
  }));
}
