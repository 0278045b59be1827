import { Category, Ticket, TicketStatus } from "@civicline/intake";
import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import { Assignment, ReplyOutcome, Unit, dispatchInTransaction, dispatchLockedTicket, replyToTicket, signFor } from "@civicline/routing";
import { Like, type DataSource, type EntityManager } from "typeorm";

const SEED_ACTOR_ID = "00000000-0000-4000-8000-0000000005e1";

/** The routing workbench functions run their own transaction; in the seed they run in its transaction. */
function within(manager: EntityManager): DataSource {
  return { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
}

async function demoActor(manager: EntityManager, username: string, role: Role): Promise<Actor> {
  const user = await manager.findOne(User, { where: { username } });
  return user
    ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId ?? null }
    : { kind: "staff", id: SEED_ACTOR_ID, name: "seed", roles: [role], unitId: null };
}

/**
 * The brief's cable-TV fee case in 沂源县 as a ticket with a whole life for the ticket page: dispatched
 * to the housing bureau, a progress note, a reply (coordination failed), the callback finds the
 * citizen dissatisfied, the supervisor accepts the re-report (续报), and the bureau replies again (the
 * developer removed the cables and refunded the fees) — the second reply waits for its callback.
 * Every step is written in order, so the timeline reads as it happened.
 */
export async function seedReReportDemo({ manager, log }: SeedContext): Promise<void> {
  const category = await manager.findOne(Category, { where: { code: "HOUSING.CABLE_TV_FEE" } });
  const ticket = category ? await manager.findOne(Ticket, { where: { categoryId: category.id, description: Like("%翠湖苑%") } }) : null;
  const housing = await manager.findOne(Unit, { where: { code: "BUR-HOUSING" } });
  if (!ticket || !housing || ![TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH].includes(ticket.status)) {
    log.warn("no open cable-TV fee demo ticket or no housing bureau: no re-report demo");
    return;
  }
  const dispatcher = await demoActor(manager, "dispatcher", Role.DISPATCHER);
  const supervisor = await demoActor(manager, "supervisor", Role.SUPERVISOR);
  const agent = await demoActor(manager, "callback", Role.CALLBACK_AGENT);
  const handler: Actor = { kind: "staff", id: SEED_ACTOR_ID, name: "住建局物业科 钱科长 (Housing Bureau)", roles: [Role.HANDLER], unitId: housing.id };

  const first = await dispatchInTransaction(manager, {
    actor: dispatcher,
    request: { ticketId: ticket.id, version: ticket.version, leadUnitId: housing.id, note: "请住建局核实物业公司捆绑收取有线电视费问题并答复。" },
    now: new Date(),
  });
  await signFor(within(manager), { actor: handler, ticketId: ticket.id });
  await manager.query(
    `INSERT INTO routing_progress_note (assignment_id, ticket_id, unit_id, author_id, author_name, visibility, text, at)
     VALUES ($1, $2, $3, NULL, $4, 'INTERNAL', $5, clock_timestamp())`,
    [first.id, ticket.id, housing.id, handler.name, "已约谈翠湖苑小区物业公司及开发商，物业公司称有线电视线路由开发商统一安装，双方各执一词。"],
  );
  const replied = await replyToTicket(within(manager), {
    actor: handler,
    ticketId: ticket.id,
    reply: { outcome: ReplyOutcome.EXPLAINED, text: "经协调，物业公司与开发商未能就有线电视费问题达成一致，已告知来电人可通过诉讼途径维权。" },
  });

  // The callback: the citizen is not satisfied, the supervisor accepts the re-report.
  const [task]: Array<{ id: string }> = await manager.query(
    `INSERT INTO callback_task (ticket_id, assignment_id, kind, state, request_type, basis_at, due_at, attempts, max_tries, retry_minutes, closed_at, closed_by_name)
     VALUES ($1, $2, 'REPLY', 'DONE', $3, $4, $4::timestamptz + interval '2 days', 1, 3, 60, clock_timestamp(), $5) RETURNING id`,
    [ticket.id, replied.id, ticket.requestType, replied.repliedAt ?? new Date(), agent.name],
  );
  await manager.query(`INSERT INTO callback_attempt (task_id, at, agent_id, agent_name, reached, note) VALUES ($1, clock_timestamp(), $2, $3, true, $4)`, [
    task!.id,
    agent.id,
    agent.name,
    "来电人接听，对答复不满意。",
  ]);
  const [survey]: Array<{ id: string }> = await manager.query(
    `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, reasonable, comment, answered_at, recorded_by_id, recorded_by_name, lead_unit_id, category_id, request_type)
     VALUES ($1, $2, true, 'PHONE', 'UNRESOLVED', 'DISSATISFIED', 'BASICALLY_SATISFIED', true, $3, clock_timestamp(), $4, $5, $6, $7, $8) RETURNING id`,
    [task!.id, ticket.id, "物业公司还在强制收取有线电视费，问题没有解决。", agent.id, agent.name, housing.id, ticket.categoryId, ticket.requestType],
  );
  const [proposal]: Array<{ id: string }> = await manager.query(
    `INSERT INTO callback_re_report_proposal (ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state, created_at)
     VALUES ($1, $2, $3, $4, $5, '{RESULT_DISSATISFIED,UNRESOLVED}', 'PENDING', clock_timestamp()) RETURNING id`,
    [ticket.id, task!.id, survey!.id, replied.id, housing.id],
  );
  // Decided, then dispatched again (as decideReReport does), on the database's clock like the history rows.
  // (as text: a JS Date would drop the microseconds the other rows' times have)
  const [clock]: Array<{ decided_at: string }> = await manager.query("SELECT clock_timestamp()::text AS decided_at");
  const decidedAt = clock!.decided_at;
  const locked = await manager.findOneOrFail(Ticket, { where: { id: ticket.id }, lock: { mode: "pessimistic_write" } });
  const previous = await manager.findOneOrFail(Assignment, { where: { id: replied.id } });
  const second = await dispatchLockedTicket(manager, {
    ticket: locked,
    actor: supervisor,
    lead: housing,
    assisting: [],
    note: "续报（回访后重新派单）\n回访结果：未解决，结果不满意\n市民意见：物业公司还在强制收取有线电视费，问题没有解决。\n督办意见：请住建局协调开发商彻底解决。",
    now: new Date(),
    auto: false,
    previous,
  });
  await manager.query(
    `UPDATE callback_re_report_proposal SET state = 'ACCEPTED', decided_at = $6::timestamptz, decided_by_id = $2, decided_by_name = $3, decision_note = $4, new_assignment_id = $5 WHERE id = $1`,
    [proposal!.id, supervisor.id, supervisor.name, "请住建局协调开发商彻底解决。", second.id, decidedAt],
  );
  await manager.query(
    `INSERT INTO supervision_re_report (proposal_id, ticket_id, unit_id, at) SELECT id, ticket_id, lead_unit_id, decided_at FROM callback_re_report_proposal WHERE id = $1 ON CONFLICT DO NOTHING`,
    [proposal!.id],
  );

  // The second round: the developer removed the cables and refunded the fees.
  await signFor(within(manager), { actor: handler, ticketId: ticket.id });
  await replyToTicket(within(manager), {
    actor: handler,
    ticketId: ticket.id,
    reply: { outcome: ReplyOutcome.RESOLVED, text: "经再次协调，开发商已拆除小区内有线电视线缆，物业公司已停止捆绑收费并退还已收取的有线电视费。" },
  });
  log.info({ trackingNumber: ticket.trackingNumber }, "re-report demo: the cable-TV fee case went back to the housing bureau once");
}
