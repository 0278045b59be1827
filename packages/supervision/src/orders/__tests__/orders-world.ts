import { Area, Category, Channel, RequestType, intakeModule, submitRequest } from "@civicline/intake";
import { createLogger, Role, platformModule, TimerService, upsertUser, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestClock, type TestDatabase } from "@civicline/platform/testing";
import { Unit, dispatchTicket, routingModule } from "@civicline/routing";
import { createDataSource } from "@civicline/platform";
import { SupervisionOrders1796544236558 } from "../../migrations/1796544236558-SupervisionOrders.js";
import { orderEntities, orderTimerHandlers } from "../index.js";

/** A database with platform, intake, routing and the order tables (only this feature's supervision migration). */
export function ordersTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...orderEntities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, SupervisionOrders1796544236558],
  });
}

/** Tuesday 10 March 2026, 10:00 in Zibo (a working day, in working hours). */
export const START = new Date("2026-03-10T02:00:00Z");

let counter = 0;

async function account(db: TestDatabase, username: string, name: string, roles: Role[], unitId: string | null = null): Promise<Actor> {
  const user = await upsertUser(db.dataSource.manager, { username, displayName: name, password: "test-password", roles, unitId });
  return { kind: "staff", id: user.id, name, roles, unitId };
}

/** A fresh world: a district and category, two units each with a handler, a supervisor, an admin, a leader, a dispatcher, an operator (real users). */
export async function buildOrdersWorld(db: TestDatabase) {
  const n = ++counter;
  const district = await db.dataSource.getRepository(Area).save({ code: `OD${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const group = await db.dataSource.getRepository(Category).save({ code: `OG${n}`, nameZh: `教育${n}`, nameEn: `Education ${n}`, parentId: null, selectable: false });
  const category = await db.dataSource.getRepository(Category).save({ code: `OG${n}.A`, nameZh: `校园欺凌${n}`, nameEn: `Bullying ${n}`, parentId: group.id, selectable: true });
  const units = db.dataSource.getRepository(Unit);
  const unit = await units.save({ code: `OU-A-${n}`, nameZh: `淄博市教育局${n}`, nameEn: "Education bureau", kind: "BUREAU", areaId: null, parentId: null });
  const otherUnit = await units.save({ code: `OU-B-${n}`, nameZh: `淄博市住建局${n}`, nameEn: "Housing bureau", kind: "BUREAU", areaId: null, parentId: null });
  return {
    district,
    category,
    unit,
    otherUnit,
    handler: await account(db, `o-handler-${n}`, `周老师${n}`, [Role.HANDLER], unit.id),
    otherHandler: await account(db, `o-other-${n}`, `钱科长${n}`, [Role.HANDLER], otherUnit.id),
    supervisor: await account(db, `o-supervisor-${n}`, `张督办${n}`, [Role.SUPERVISOR]),
    admin: await account(db, `o-admin-${n}`, `管理员${n}`, [Role.ADMIN]),
    leader: await account(db, `o-leader-${n}`, `区长${n}`, [Role.LEADER]),
    dispatcher: await account(db, `o-dispatcher-${n}`, `李强${n}`, [Role.DISPATCHER]),
    operator: await account(db, `o-operator-${n}`, `王敏${n}`, [Role.OPERATOR]),
  };
}

export type OrdersWorld = Awaited<ReturnType<typeof buildOrdersWorld>>;

/** A portal ticket in the world, not dispatched. */
export function buildTicket(db: TestDatabase, world: OrdersWorld) {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.category.id,
      description: "孩子在学校多次被同学欺负，希望学校处理。",
      districtId: world.district.id,
      address: "张店区某小学",
      citizenName: "刘女士",
      phone: "13900000021",
    },
  });
}

/** A ticket dispatched to the world's unit (or `unitId`) at `now`. */
export async function buildDispatchedTicket(db: TestDatabase, world: OrdersWorld, options: { now?: Date; unitId?: string } = {}) {
  const ticket = await buildTicket(db, world);
  const assignment = await dispatchTicket(db.dataSource, {
    actor: world.dispatcher,
    request: { ticketId: ticket.id, version: ticket.version, leadUnitId: options.unitId ?? world.unit.id },
    now: options.now ?? START,
  });
  return { ticket, assignment };
}

/** One "app instance" firing order escalations on the test clock: its own pool and TimerService. */
export async function startTimers(db: TestDatabase, clock: TestClock, name: string): Promise<{ timers: TimerService; stop(): Promise<void> }> {
  const dataSource = createDataSource({ url: db.url, entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...orderEntities], migrations: [], poolSize: 3, applicationName: name });
  await dataSource.initialize();
  const timers = new TimerService(dataSource, createLogger({ level: "silent" }), { connectionUrl: db.url, pollMs: 60_000, instanceName: name, now: clock.now });
  for (const handler of orderTimerHandlers({ now: clock.now })) {
    timers.register(handler);
  }
  await timers.start();
  return {
    timers,
    stop: async () => {
      await timers.stop();
      await dataSource.destroy();
    },
  };
}

/** The ticket's history kinds in order (internal rows included). */
export async function historyKinds(db: TestDatabase, ticketId: string): Promise<string[]> {
  const rows: Array<{ kind: string }> = await db.dataSource.query("SELECT kind FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
  return rows.map((row) => row.kind);
}

/** How many rows a table holds about a ticket. */
export async function countFor(db: TestDatabase, table: "supervision_order" | "intake_ticket_history", ticketId: string): Promise<number> {
  const [row]: Array<{ n: number }> = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ticket_id = $1`, [ticketId]);
  return row!.n;
}
