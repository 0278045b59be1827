import { Area, Category, RequestType, intakeModule, logCall } from "@civicline/intake";
import { Role, platformModule, upsertUser, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { Unit, dispatchTicket, routingModule } from "@civicline/routing";
import { LeaderSessions1796544161795 } from "../../migrations/1796544161795-LeaderSessions.js";
import { leaderEntities } from "../leader.parts.js";

/** A database with platform, intake, routing and the leader tables (only this feature's supervision migration). */
export function leaderTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...leaderEntities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, LeaderSessions1796544161795],
  });
}

let counter = 0;

async function account(db: TestDatabase, username: string, name: string, roles: Role[], extra: { seat?: string; unitId?: string } = {}): Promise<Actor> {
  const user = await upsertUser(db.dataSource.manager, { username, displayName: name, password: "test-password", roles, ...extra });
  return { kind: "staff", id: user.id, name, roles, unitId: extra.unitId ?? null };
}

/**
 * A fresh world: a district with a category, two units each with a handler, two call-takers at
 * their own seats, two leaders, a supervisor and a dispatcher (real platform_user rows).
 */
export async function buildLeaderWorld(db: TestDatabase) {
  const n = ++counter;
  const district = await db.dataSource.getRepository(Area).save({ code: `LD${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const group = await db.dataSource.getRepository(Category).save({ code: `LG${n}`, nameZh: `城市管理${n}`, nameEn: `Urban ${n}`, parentId: null, selectable: false });
  const leaf = await db.dataSource.getRepository(Category).save({ code: `LG${n}.A`, nameZh: `占道经营${n}`, nameEn: `Street vending ${n}`, parentId: group.id, selectable: true });
  const units = db.dataSource.getRepository(Unit);
  const unit = await units.save({ code: `LU-A-${n}`, nameZh: `张店区城市管理局${n}`, nameEn: "Urban bureau", kind: "BUREAU", areaId: district.id, parentId: null });
  const otherUnit = await units.save({ code: `LU-B-${n}`, nameZh: `张店区住建局${n}`, nameEn: "Housing bureau", kind: "BUREAU", areaId: district.id, parentId: null });
  const seat = `L${n}A`;
  const otherSeat = `L${n}B`;
  return {
    district,
    leaf,
    unit,
    otherUnit,
    seat,
    otherSeat,
    operator: await account(db, `op-a-${n}`, `王敏${n}`, [Role.OPERATOR], { seat }),
    otherOperator: await account(db, `op-b-${n}`, `孙丽${n}`, [Role.OPERATOR], { seat: otherSeat }),
    leader: await account(db, `leader-${n}`, `陈军${n}`, [Role.LEADER]),
    otherLeader: await account(db, `leader-b-${n}`, `周涛${n}`, [Role.LEADER]),
    supervisor: await account(db, `sup-${n}`, `张静${n}`, [Role.SUPERVISOR]),
    dispatcher: await account(db, `disp-${n}`, `李强${n}`, [Role.DISPATCHER]),
    admin: await account(db, `admin-${n}`, `管理员${n}`, [Role.ADMIN]),
    handler: await account(db, `h-a-${n}`, `城管 王工${n}`, [Role.HANDLER], { unitId: unit.id }),
    otherHandler: await account(db, `h-b-${n}`, `住建 赵工${n}`, [Role.HANDLER], { unitId: otherUnit.id }),
  };
}

export type LeaderWorld = Awaited<ReturnType<typeof buildLeaderWorld>>;

/** A call logged by `actor` (a call-taker at their seat) through intake's real logCall. */
export function logCallAs(db: TestDatabase, world: LeaderWorld, actor: Actor, receivedAt?: Date) {
  return logCall({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor,
    receivedAt,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.leaf.id,
      description: "人民路夜市占道经营，堵塞消防通道。",
      districtId: world.district.id,
      address: "人民路 12 号",
      citizenName: "刘先生",
      phone: "13812345678",
    },
  });
}

/** Dispatches a ticket to `unitId` through routing's real dispatch. */
export function dispatchTo(db: TestDatabase, world: LeaderWorld, ticket: { id: string; version: number }, unitId: string) {
  return dispatchTicket(db.dataSource, { actor: world.dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: unitId } });
}

/** The ticket's history kinds and actors, in order. */
export function historyKinds(db: TestDatabase, ticketId: string): Promise<Array<{ kind: string; actor_name: string; reason: string | null; is_public: boolean }>> {
  return db.dataSource.query("SELECT kind, actor_name, reason, is_public FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
}

/** How many rows each leader table holds (for "nothing stored"). */
export async function leaderRowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const rows: Array<{ t: string; n: number }> = await db.dataSource.query(
    `SELECT 'session' AS t, count(*)::int AS n FROM supervision_leader_session
     UNION ALL SELECT 'sessionTicket', count(*)::int FROM supervision_leader_session_ticket
     UNION ALL SELECT 'matter', count(*)::int FROM supervision_leader_matter
     UNION ALL SELECT 'matterTicket', count(*)::int FROM supervision_leader_matter_ticket
     UNION ALL SELECT 'instruction', count(*)::int FROM supervision_leader_instruction
     UNION ALL SELECT 'history', count(*)::int FROM intake_ticket_history
     UNION ALL SELECT 'outbox', count(*)::int FROM platform_outbox WHERE type LIKE 'supervision.leader%'`,
  );
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
}
