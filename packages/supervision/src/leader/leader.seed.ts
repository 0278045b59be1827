import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import { Unit, dispatchInTransaction } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { addLeaderInstruction } from "./add-instruction.js";
import { assignToLeader } from "./assign-to-leader.js";
import { scheduleLeaderSession } from "./schedule-session.js";

const HOUR_MS = 3_600_000;

/** The use cases open their own transaction on a DataSource; the demo seed runs them in its one. */
function within(manager: EntityManager): DataSource {
  return { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
}

async function demoActor(manager: EntityManager, username: string): Promise<Actor | null> {
  const user = await manager.findOne(User, { where: { username } });
  return user ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId } : null;
}

/** An open ticket of the education bureau (the demo `handler`'s unit), dispatched there by the demo dispatcher if need be. */
async function educationTicket(manager: EntityManager, dispatcher: Actor): Promise<string | null> {
  const unit = await manager.findOne(Unit, { where: { code: "BUR-EDU" } });
  if (!unit) {
    return null;
  }
  const dispatched: Array<{ id: string }> = await manager.query(
    `SELECT t.id FROM intake_ticket t JOIN routing_assignment a ON a.ticket_id = t.id AND a.current
      WHERE a.lead_unit_id = $1 AND a.replied_at IS NULL ORDER BY t.received_at LIMIT 1`,
    [unit.id],
  );
  if (dispatched[0]) {
    return dispatched[0].id;
  }
  const open: Array<{ id: string; version: number }> = await manager.query(
    `SELECT t.id, t.version FROM intake_ticket t JOIN intake_category c ON c.id = t.category_id
      WHERE c.code LIKE 'EDU%' AND t.status IN ('received', 'awaiting_dispatch') ORDER BY t.received_at LIMIT 1`,
  );
  if (!open[0]) {
    return null;
  }
  await dispatchInTransaction(manager, { actor: dispatcher, request: { ticketId: open[0].id, version: open[0].version, leadUnitId: unit.id }, now: new Date() });
  return open[0].id;
}

/**
 * Leader demo: the demo `leader` (陈军) takes calls at seat A01 today until two hours from now (the
 * calls logged there meanwhile are marked as the leader's when their events are handled), and has one
 * assigned matter — an education-bureau ticket — with an instruction the demo `handler` sees.
 */
export async function seedLeaderDemo({ manager, log }: SeedContext): Promise<void> {
  // One after another: the seed runs in one transaction, on one connection (pg 9 refuses overlapping queries on a client).
  const leader = await demoActor(manager, "leader");
  const supervisor = await demoActor(manager, "supervisor");
  const dispatcher = await demoActor(manager, "dispatcher");
  if (!leader || !supervisor || !dispatcher || !leader.roles.includes(Role.LEADER)) {
    log.warn("leader demo skipped: the demo leader, supervisor or dispatcher account is missing");
    return;
  }
  const seated: unknown[] = await manager.query("SELECT 1 FROM platform_user WHERE seat = 'A01' AND active LIMIT 1");
  if (seated.length === 0) {
    log.warn("leader demo skipped: nobody sits at seat A01");
    return;
  }
  const db = within(manager);
  // From the hour of the first call logged at A01 in the last ten hours (so the demo shows taken calls) until two hours from now.
  const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const first: Array<{ at: Date | null }> = await manager.query(
    `SELECT min(t.received_at) AS at FROM intake_ticket t JOIN platform_user u ON u.id = t.created_by
      WHERE u.seat = 'A01' AND t.received_at >= $1`,
    [new Date(hour - 10 * HOUR_MS)],
  );
  const startsAt = first[0]?.at ? Math.floor(new Date(first[0].at).getTime() / HOUR_MS) * HOUR_MS : hour - 2 * HOUR_MS;
  await scheduleLeaderSession({
    db,
    actor: supervisor,
    input: { leaderId: leader.id, seat: "A01", startsAt: new Date(startsAt), endsAt: new Date(hour + 2 * HOUR_MS), leaderTitle: "张店区区长", leaderUnit: "张店区人民政府" },
  });
  const ticketId = await educationTicket(manager, dispatcher);
  if (!ticketId) {
    log.warn("leader demo: no education-bureau ticket to assign");
    return;
  }
  await assignToLeader({
    db,
    actor: supervisor,
    input: { leaderId: leader.id, ticketIds: [ticketId], note: "校园欺凌问题家长反映强烈，请领导包案督促。", dueAt: new Date(Date.now() + 7 * 24 * HOUR_MS) },
  });
  await addLeaderInstruction({ db, actor: leader, input: { ticketId, text: "请教育局三日内查清事实，做好学生心理疏导，处理结果报我。" } });
  log.info("leader demo seeded: a session at A01 today, one assigned matter with an instruction");
}
