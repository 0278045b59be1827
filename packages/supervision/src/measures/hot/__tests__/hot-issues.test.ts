import { Area, Category, RequestType, TicketHistoryKind, TicketStatus, logCall } from "@civicline/intake";
import { Role, upsertUser, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignToLeader } from "../../../leader/assign-to-leader.js";
import { searchTestDatabase } from "../../../search/__tests__/search-db.js";
import { hotIssueTickets, listHotIssues } from "../hot-issues.js";
import { HotWindow } from "../hot-window.js";
import { mergeHotIssueDuplicates } from "../merge-duplicates.js";
import { wallboardHotIssues } from "../hot-wall.js";

let db: TestDatabase;
beforeAll(async () => {
  // every module's tables: hot issues read the measures aggregate its triggers maintain
  db = await searchTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

const DAY = 86_400_000;
/** The window's last day; the planted tickets are received at noon China time on days before it. */
const LAST_DAY = "2026-11-20";
const noonDaysBefore = (days: number) => new Date(Date.parse(`${LAST_DAY}T12:00:00+08:00`) - days * DAY);

let counter = 0;
async function account(username: string, roles: Role[], seat?: string): Promise<Actor> {
  const user = await upsertUser(db.dataSource.manager, { username, displayName: username, password: "test-password", roles, seat });
  return { kind: "staff", id: user.id, name: username, roles, unitId: null };
}

async function world() {
  const n = ++counter;
  const areas = db.dataSource.getRepository(Area);
  const categories = db.dataSource.getRepository(Category);
  const district = await areas.save({ code: `HD${n}`, nameZh: `张店区${n}`, nameEn: `Zhangdian ${n}`, level: "DISTRICT", parentId: null });
  const otherDistrict = await areas.save({ code: `HE${n}`, nameZh: `淄川区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const group = await categories.save({ code: `HG${n}`, nameZh: `城市管理${n}`, nameEn: `Urban ${n}`, parentId: null, selectable: false });
  const water = await categories.save({ code: `HG${n}.W`, nameZh: `供水${n}`, nameEn: `Water ${n}`, parentId: group.id, selectable: true });
  const noise = await categories.save({ code: `HG${n}.N`, nameZh: `噪声${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  return {
    district,
    otherDistrict,
    water,
    noise,
    operator: await account(`hot-op-${n}`, [Role.OPERATOR], `H${n}`),
    supervisor: await account(`hot-sup-${n}`, [Role.SUPERVISOR]),
    leader: await account(`hot-leader-${n}`, [Role.LEADER]),
    handler: await account(`hot-h-${n}`, [Role.HANDLER]),
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function plant(w: World, categoryId: string, districtId: string, daysBefore: number, count: number, townshipId?: string) {
  const tickets = [];
  for (let index = 0; index < count; index += 1) {
    tickets.push(
      await logCall({
        db: db.dataSource,
        cityPrefix: "ZB",
        actor: w.operator,
        receivedAt: new Date(noonDaysBefore(daysBefore).getTime() + index * 60_000),
        input: { requestType: RequestType.HELP, categoryId, description: "共青团路水管爆裂，路面积水。", districtId, townshipId, address: "共青团路 8 号", citizenName: "刘先生", phone: `1381234${String(1000 + index).slice(-4)}` },
      }),
    );
  }
  return tickets;
}

/** 8 steady weeks of `perWeek` tickets (one day in each), then `inWindow` in the window (two days before its end). */
async function series(w: World, categoryId: string, districtId: string, perWeek: number, inWindow: number) {
  for (let week = 1; week <= 8; week += 1) {
    await plant(w, categoryId, districtId, 7 * week + 2, perWeek);
  }
  return plant(w, categoryId, districtId, 2, inWindow);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: string }).code);
  }
  throw new Error("expected a coded error");
}

describe("hot issues over real tickets", () => {
  it("finds a planted burst with its trend, and not the steady series beside it", async () => {
    const w = await world();
    const burst = await series(w, w.water.id, w.district.id, 1, 8);
    await series(w, w.noise.id, w.district.id, 3, 4);
    await series(w, w.water.id, w.otherDistrict.id, 2, 3);
    const list = await listHotIssues(db.dataSource, { actor: w.supervisor, window: HotWindow.WEEK, lastDay: LAST_DAY });
    const mine = list.issues.filter((issue) => [w.district.id, w.otherDistrict.id].includes(issue.districtId));
    expect(mine.map((issue) => [issue.categoryName, issue.districtName, issue.count])).toEqual([[w.water.nameZh, w.district.nameZh, 8]]);
    const issue = mine[0]!;
    // λ = 8 tickets in 56 days × 7 = 1; P(X ≥ 8 | 1) ≈ 1.02e-5
    expect(issue.expected).toBe(1);
    expect(issue.pValue).toBeCloseTo(1.0249e-5, 8);
    expect(issue.trend.map((point) => point.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 8]);
    expect(issue.trend.at(-1)!.current).toBe(true);
    expect(issue.windowStart).toEqual(new Date("2026-11-13T16:00:00Z"));
    expect(issue.windowEnd).toEqual(new Date("2026-11-20T16:00:00Z"));
    const behind = await hotIssueTickets(db.dataSource, { actor: w.supervisor, categoryId: w.water.id, districtId: w.district.id, from: issue.windowStart, to: issue.windowEnd });
    expect(behind.total).toBe(8);
    expect(behind.tickets.map((ticket) => ticket.trackingNumber)).toEqual(burst.map((ticket) => ticket.trackingNumber));
    expect(behind.tickets.every((ticket) => ticket.mergeable)).toBe(true);
    expect(JSON.stringify(behind)).not.toContain("1381234");
    const wall = await wallboardHotIssues(db.dataSource, new Date(`${LAST_DAY}T20:00:00+08:00`));
    expect(wall.find((entry) => entry.districtId === w.district.id)).toEqual({
      key: `${w.water.id}:${w.district.id}::${LAST_DAY}`,
      titleZh: `${w.water.nameZh} · ${w.district.nameZh}`,
      titleEn: `${w.water.nameEn} · ${w.district.nameEn}`,
      count: 8,
      categoryId: w.water.id,
      districtId: w.district.id,
      townshipId: null,
      fromDay: "2026-11-14",
      toDay: LAST_DAY,
    });
  });

  it("finds a burst in one township as that township's, and its district only when the rest of it is unusual too", async () => {
    const w = await world();
    const towns = db.dataSource.getRepository(Area);
    const qingcheng = await towns.save({ code: `${w.district.code}-T1`, nameZh: "青城镇", nameEn: "Qingcheng", level: "TOWNSHIP", parentId: w.district.id });
    const street = await towns.save({ code: `${w.district.code}-T2`, nameZh: "车站街道", nameEn: null, level: "TOWNSHIP", parentId: w.district.id });
    // the water category: one ticket a week in the district (no township), then 8 in 青城镇 in the window
    await series(w, w.water.id, w.district.id, 1, 0);
    await plant(w, w.water.id, w.district.id, 1, 8, qingcheng.id);
    // the noise category: 8 in 车站街道 and 8 elsewhere in the district in the window, none before
    await plant(w, w.noise.id, w.district.id, 1, 8, street.id);
    await plant(w, w.noise.id, w.district.id, 2, 8);
    const list = await listHotIssues(db.dataSource, { actor: w.supervisor, window: HotWindow.WEEK, lastDay: LAST_DAY });
    const mine = list.issues.filter((issue) => issue.districtId === w.district.id);
    expect(mine.map((issue) => [issue.categoryName, issue.townshipName, issue.count]).sort()).toEqual([
      [w.noise.nameZh, "车站街道", 8],
      [w.noise.nameZh, null, 16],
      [w.water.nameZh, "青城镇", 8],
    ].sort());
    const town = mine.find((issue) => issue.townshipId === qingcheng.id)!;
    expect(town.townshipNameEn).toBe("Qingcheng");
    const behind = await hotIssueTickets(db.dataSource, { actor: w.supervisor, categoryId: w.noise.id, districtId: w.district.id, townshipId: street.id, from: town.windowStart, to: town.windowEnd });
    expect(behind.total).toBe(8);
    expect(new Set(behind.tickets.map((ticket) => ticket.townshipName))).toEqual(new Set(["车站街道"]));
    const wholeDistrict = await hotIssueTickets(db.dataSource, { actor: w.supervisor, categoryId: w.noise.id, districtId: w.district.id, from: town.windowStart, to: town.windowEnd });
    expect(wholeDistrict.total).toBe(16);
  });

  it("a single day window compares with the 8 weeks scaled to one day", async () => {
    const w = await world();
    for (let week = 1; week <= 8; week += 1) {
      await plant(w, w.noise.id, w.district.id, 7 * week - 1, 7);
    }
    await plant(w, w.noise.id, w.district.id, 0, 6);
    const list = await listHotIssues(db.dataSource, { actor: w.supervisor, window: HotWindow.DAY, lastDay: LAST_DAY });
    const mine = list.issues.filter((issue) => issue.districtId === w.district.id);
    // λ = 56 / 56 × 1 = 1; 6 in a day: P ≈ 5.9e-4 < 0.001
    expect(mine.map((issue) => [issue.count, issue.expected])).toEqual([[6, 1]]);
    const week = await listHotIssues(db.dataSource, { actor: w.supervisor, window: HotWindow.WEEK, lastDay: LAST_DAY });
    expect(week.issues.filter((issue) => issue.districtId === w.district.id)).toEqual([]);
  });

  it("assigns the tickets behind to a leader (领导包案) and shows who has it", async () => {
    const w = await world();
    const burst = await plant(w, w.water.id, w.district.id, 1, 5);
    await assignToLeader({ db: db.dataSource, actor: w.supervisor, input: { leaderId: w.leader.id, ticketIds: burst.map((ticket) => ticket.id), title: "共青团路水管爆裂" } });
    const list = await listHotIssues(db.dataSource, { actor: w.supervisor, window: HotWindow.WEEK, lastDay: LAST_DAY });
    expect(list.issues.find((issue) => issue.districtId === w.district.id)?.leaderNames).toEqual([w.leader.name]);
  });

  it("merges duplicates with intake's merge, all or none", async () => {
    const w = await world();
    const [keep, first, second] = await plant(w, w.water.id, w.district.id, 1, 3);
    const stale = await codeOf(
      mergeHotIssueDuplicates(db.dataSource, { actor: w.supervisor, intoTicketId: keep!.id, duplicates: [{ ticketId: first!.id, version: first!.version }, { ticketId: second!.id, version: second!.version + 5 }] }),
    );
    expect(stale).toBe("CONFLICT");
    const statuses = async () =>
      (await db.dataSource.query("SELECT status FROM intake_ticket WHERE id = ANY($1::uuid[]) ORDER BY received_at", [[keep!.id, first!.id, second!.id]])).map((row: { status: string }) => row.status);
    expect(await statuses()).toEqual(["received", "received", "received"]);
    const merged = await mergeHotIssueDuplicates(db.dataSource, {
      actor: w.supervisor,
      intoTicketId: keep!.id,
      duplicates: [first!, second!].map((ticket) => ({ ticketId: ticket.id, version: ticket.version })),
    });
    expect(merged).toBe(2);
    expect(await statuses()).toEqual([TicketStatus.RECEIVED, TicketStatus.MERGED, TicketStatus.MERGED]);
    const history: Array<{ kind: string; actor_name: string }> = await db.dataSource.query("SELECT kind, actor_name FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [keep!.id]);
    expect(history.filter((row) => row.kind === TicketHistoryKind.CO_REPORTER_ADDED).map((row) => row.actor_name)).toEqual([w.supervisor.name, w.supervisor.name]);
    const behind = await hotIssueTickets(db.dataSource, { actor: w.supervisor, categoryId: w.water.id, districtId: w.district.id, from: noonDaysBefore(2), to: noonDaysBefore(-1) });
    expect(behind.tickets.map((ticket) => ticket.mergeable)).toEqual([true, false, false]);
  });

  it("refuses handlers and bad input, storing nothing", async () => {
    const w = await world();
    expect(await codeOf(listHotIssues(db.dataSource, { actor: w.handler, lastDay: LAST_DAY }))).toBe("FORBIDDEN");
    expect(await codeOf(listHotIssues(db.dataSource, { actor: null, lastDay: LAST_DAY }))).toBe("UNAUTHENTICATED");
    expect(await codeOf(listHotIssues(db.dataSource, { actor: w.supervisor, lastDay: "2026-02-30" }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(hotIssueTickets(db.dataSource, { actor: w.supervisor, categoryId: "x", districtId: w.district.id, from: new Date(), to: new Date() }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(mergeHotIssueDuplicates(db.dataSource, { actor: w.leader, intoTicketId: w.district.id, duplicates: [] }))).toBe("FORBIDDEN");
    expect(await codeOf(mergeHotIssueDuplicates(db.dataSource, { actor: w.supervisor, intoTicketId: w.district.id, duplicates: [] }))).toBe("BAD_USER_INPUT");
  });
});
