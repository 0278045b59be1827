import { randomUUID } from "node:crypto";
import { callbackModule } from "@civicline/callback";
import { Area, Category, Channel, RequestType, Urgency, intakeModule, submitRequest } from "@civicline/intake";
import { OutboxProcessor, PgPubSub, Role, TimerService, createLogger, loadConfig, platformModule, type Actor, type AppServices } from "@civicline/platform";
import { createTestClock, createTestDatabase, type TestClock, type TestDatabase } from "@civicline/platform/testing";
import { Unit, dispatchTicket, routingModule } from "@civicline/routing";
import { supervisionMigrations } from "../../migrations/index.js";
import { ChasingCount } from "../chasing-count.entity.js";
import { ChasingItem } from "../chasing-item.entity.js";
import { chasingEventHandlers, chasingTimerHandlers } from "../chasing.parts.js";

export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const dispatcher = staff("李强", [Role.DISPATCHER]);
export const supervisor = staff("张静", [Role.SUPERVISOR]);

const modules = [platformModule, intakeModule, routingModule, callbackModule];

/** A database with every module this one builds on and the supervision migrations, migrated (the chasing entities only). */
export function chasingTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...modules.flatMap((m) => m.entities), ChasingItem, ChasingCount],
    migrations: [...modules.flatMap((m) => m.migrations), ...supervisionMigrations],
  });
}

/**
 * One app instance as the gateway runs it, on the test's clock: the outbox with routing's and
 * supervision's handlers, and the timer service with routing's deadline timers. Tests move the clock
 * and call `settle()`, which fires what is due and delivers the events, until nothing is left.
 */
export async function startChasingApp(db: TestDatabase, start = new Date()) {
  const log = createLogger({ level: "silent" });
  const clock: TestClock = createTestClock(start);
  const pubsub = new PgPubSub(db.dataSource, db.url, log);
  await pubsub.start();
  const services: AppServices = { dataSource: db.dataSource, pubsub, log, config: loadConfig(), now: clock.now };
  const outbox = new OutboxProcessor(db.dataSource, log, { pollMs: 3_600_000 });
  for (const handler of [...(routingModule.eventHandlers?.(services) ?? []), ...chasingEventHandlers(services)]) {
    outbox.register(handler);
  }
  const timers = new TimerService(db.dataSource, log, { pollMs: 3_600_000, now: clock.now });
  for (const handler of [...(routingModule.timerHandlers?.(services) ?? []), ...chasingTimerHandlers()]) {
    timers.register(handler);
  }
  const settle = async () => {
    for (let i = 0; i < 10; i++) {
      await outbox.drain();
      if ((await timers.drain()) === 0) {
        await outbox.drain();
        return;
      }
    }
  };
  return { services, clock, pubsub, outbox, timers, settle, stop: () => pubsub.close() };
}

let counter = 0;

/** A city, a district with a township, a selectable category and three units with their handlers. */
export async function buildWorld(db: TestDatabase) {
  const n = ++counter;
  const areas = db.dataSource.getRepository(Area);
  const categories = db.dataSource.getRepository(Category);
  const units = db.dataSource.getRepository(Unit);
  const city = await areas.save({ code: `CC${n}`, nameZh: `淄博市${n}`, nameEn: null, level: "CITY", parentId: null });
  const district = await areas.save({ code: `CD${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: city.id });
  const township = await areas.save({ code: `CT${n}`, nameZh: `马尚街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const group = await categories.save({ code: `CHASE${n}`, nameZh: `城市管理${n}`, nameEn: `Urban ${n}`, parentId: null, selectable: false });
  const leaf = await categories.save({ code: `CHASE${n}.NOISE`, nameZh: `噪音扰民${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  const bureau = await units.save({ code: `CH-URBAN-${n}`, nameZh: `城市管理局${n}`, nameEn: `Urban bureau ${n}`, kind: "BUREAU", areaId: city.id, parentId: null });
  const eco = await units.save({ code: `CH-ECO-${n}`, nameZh: `生态环境局${n}`, nameEn: `Environment bureau ${n}`, kind: "BUREAU", areaId: city.id, parentId: null });
  const office = await units.save({ code: `CH-TOWN-${n}`, nameZh: `马尚街道办事处${n}`, nameEn: `Mashang sub-district ${n}`, kind: "TOWNSHIP_OFFICE", areaId: township.id, parentId: null });
  const unitList = [bureau, eco, office];
  return {
    district,
    township,
    leaf,
    units: unitList,
    handlerOf: (unitId: string) => staff(`经办人 ${unitId.slice(0, 4)}`, [Role.HANDLER], unitId),
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A ticket submitted on the portal at `receivedAt`. */
export function buildTicket(db: TestDatabase, world: World, options: { receivedAt: Date; urgency?: Urgency; requestType?: RequestType }) {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    receivedAt: options.receivedAt,
    input: {
      requestType: options.requestType ?? RequestType.COMPLAINT,
      urgency: options.urgency,
      categoryId: world.leaf.id,
      description: "夜间施工噪音扰民，影响休息。",
      districtId: world.district.id,
      townshipId: world.township.id,
      address: "张店区某小区",
      citizenName: "王先生",
      phone: "13912345678",
    },
  });
}

/** The dispatcher sends the ticket to a unit at `now`. */
export async function dispatchTo(db: TestDatabase, ticket: { id: string }, unitId: string, now: Date) {
  const [row] = (await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id])) as Array<{ version: number }>;
  return dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: row!.version, leadUnitId: unitId }, now });
}

/** Per (stage, severity, unit) counts as the counters hold them, and as a direct count gives them. */
export async function countersAndDirect(db: TestDatabase): Promise<{ counters: string[]; direct: string[]; items: string[]; truth: string[] }> {
  const { SELECT_ALL_LATE } = await import("../classify.js");
  const counters = (await db.dataSource.query(
    "SELECT stage || '|' || severity || '|' || unit_key || '|' || count AS k FROM supervision_chasing_count WHERE count <> 0 ORDER BY 1",
  )) as Array<{ k: string }>;
  const direct = (await db.dataSource.query(
    `SELECT stage || '|' || severity || '|' || coalesce(unit_id, '00000000-0000-0000-0000-000000000000') || '|' || count(*) AS k
       FROM (${SELECT_ALL_LATE}) late GROUP BY stage, severity, unit_id ORDER BY 1`,
  )) as Array<{ k: string }>;
  const items = (await db.dataSource.query(
    "SELECT ticket_id || '|' || stage || '|' || severity || '|' || coalesce(unit_id::text, '-') || '|' || alarm AS k FROM supervision_chasing_item ORDER BY 1",
  )) as Array<{ k: string }>;
  const truth = (await db.dataSource.query(
    `SELECT ticket_id || '|' || stage || '|' || severity || '|' || coalesce(unit_id::text, '-') || '|' || alarm AS k FROM (${SELECT_ALL_LATE}) late ORDER BY 1`,
  )) as Array<{ k: string }>;
  return { counters: counters.map((r) => r.k), direct: direct.map((r) => r.k), items: items.map((r) => r.k), truth: truth.map((r) => r.k) };
}
