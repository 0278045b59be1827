import { DEMO_PASSWORD, Role, dayOf, saveFile, upsertUser, type Actor, type SeedContext } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { QaCallDirection } from "../calls/call-record.entity.js";
import { storeCallRecord } from "../calls/call-records.js";
import { QaSeat, QaShift } from "../roster/roster.entity.js";
import { sampleDayIn } from "../sampling/sampling.js";
import { QaTeam, QaTeamMember } from "../teams/team.entity.js";
import { demoRecording } from "./demo-audio.js";

/** The demo accounts qa adds (password: the demo password): a team lead and two more call-takers. */
export const QA_DEMO_STAFF = [
  { username: "teamlead", displayName: "周磊 (Team lead)", roles: [Role.OPERATOR], seat: "A02" },
  { username: "operator2", displayName: "李娜 (Operator)", roles: [Role.OPERATOR], seat: null },
  { username: "operator3", displayName: "张伟 (Operator)", roles: [Role.OPERATOR], seat: "A04" },
] as const;

const TIME_ZONE_OFFSET = "+08:00";
const DAY_MS = 86_400_000;
/** A recording address that never answers: the inspection screen shows its clear message for it. */
export const DEMO_UNREACHABLE_RECORDING = "http://127.0.0.1:9/recordings/lost.wav";

const at = (day: string, time: string) => new Date(`${day}T${time}${TIME_ZONE_OFFSET}`);

/** Deterministic small numbers for the demo (no randomness in seeds). */
function pick(n: number, mod: number): number {
  return ((n * 2654435761) >>> 0) % mod;
}

const TRANSCRIPTS = [
  "话务员：您好，12345热线，请问有什么可以帮您？\n市民：我想问一下社保缴费基数什么时候调整。\n话务员：根据规定，每年7月调整一次，具体以社保中心公告为准。\n市民：好的，谢谢。\n话务员：不客气，感谢您的来电，再见。",
  "话务员：您好，12345热线。\n市民：我家楼下的路灯坏了好几天了。\n话务员：请问具体地址是哪里？\n市民：张店区人民西路88号附近。\n话务员：已为您登记，会转交相关部门处理，处理结果会短信告知您。",
  "话务员：您好，12345热线，请讲。\n市民：我要投诉小区物业乱收费！\n话务员：您先别着急，请您说一下具体情况。\n市民：没开业主大会就涨了物业费。\n话务员：我已详细记录，将转交住建部门核查。",
];

/**
 * QA demo data: the team lead and two call-takers, seats A01–A06, two teams (team 1 led by
 * `teamlead`), a roster of the last and the coming week (seat A01 shared by a day and an evening
 * shift), a week of call records on the roster's seats (the roster decides who took each call), three
 * short generated WAV recordings and one recording that cannot be fetched, the demo phone tickets
 * linked to calls, and the last week's daily samples — the inspection queue is not empty.
 */
export async function seedQaCoreDemo({ manager, log }: SeedContext): Promise<void> {
  if (await manager.exists(QaTeam, { where: { name: "一班 Team 1" } })) {
    log.info("qa demo data already there");
    return;
  }
  const users = new Map<string, { id: string; displayName: string }>();
  for (const staff of QA_DEMO_STAFF) {
    const user = await upsertUser(manager, { ...staff, roles: [...staff.roles], password: DEMO_PASSWORD });
    users.set(staff.username, { id: user.id, displayName: user.displayName });
  }
  const existing: Array<{ id: string; username: string; display_name: string }> = await manager.query(
    `SELECT id, username, display_name FROM platform_user WHERE username IN ('operator', 'admin')`,
  );
  for (const row of existing) {
    users.set(row.username, { id: row.id, displayName: row.display_name });
  }
  const operator = users.get("operator")!;
  const teamlead = users.get("teamlead")!;
  const operator2 = users.get("operator2")!;
  const operator3 = users.get("operator3")!;
  const admin = users.get("admin");

  for (let i = 1; i <= 6; i++) {
    await manager.upsert(QaSeat, { code: `A0${i}`, name: `一排 ${i} 号座席 / Row 1 seat ${i}`, active: true }, ["code"]);
  }
  const team1 = await manager.save(QaTeam, { name: "一班 Team 1", leadUserId: teamlead.id });
  const team2 = await manager.save(QaTeam, { name: "二班 Team 2", leadUserId: operator3.id });
  await manager.insert(QaTeamMember, [
    { userId: operator.id, teamId: team1.id },
    { userId: operator2.id, teamId: team1.id },
    { userId: teamlead.id, teamId: team1.id },
    { userId: operator3.id, teamId: team2.id },
  ]);

  // Roster: 8 days back to 7 days ahead. A01 is shared: 王敏 by day, 李娜 in the evening.
  const today = dayOf(new Date());
  const rosterDays = Array.from({ length: 16 }, (_, i) => dayOf(new Date(Date.now() + (i - 8) * DAY_MS)));
  const shifts: Array<Partial<QaShift>> = [];
  for (const day of rosterDays) {
    const next = dayOf(new Date(at(day, "12:00:00").getTime() + DAY_MS));
    shifts.push(
      { seatCode: "A01", userId: operator.id, startsAt: at(day, "08:00:00"), endsAt: at(day, "16:00:00"), createdByName: teamlead.displayName },
      { seatCode: "A01", userId: operator2.id, startsAt: at(day, "16:00:00"), endsAt: at(next, "00:00:00"), createdByName: teamlead.displayName },
      { seatCode: "A02", userId: teamlead.id, startsAt: at(day, "08:00:00"), endsAt: at(day, "16:00:00"), createdByName: teamlead.displayName },
      { seatCode: "A04", userId: operator3.id, startsAt: at(day, "09:00:00"), endsAt: at(day, "17:00:00"), createdByName: operator3.displayName },
    );
  }
  await manager.insert(QaShift, shifts);

  // Three generated recordings, stored as files of the demo integrator's uploads (owned by the admin here).
  const recordings: string[] = [];
  for (let variant = 0; variant < 3; variant++) {
    const file = await saveFile(manager, { filename: `demo-call-${variant + 1}.wav`, contentType: "audio/wav", data: demoRecording(variant), ownerId: admin?.id ?? null });
    recordings.push(file.id);
  }

  const cti: Actor = { kind: "integrator", id: "00000000-0000-0000-0000-000000000000", name: "Demo telephony (CTI)", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony"] };
  // A week of calls: each rostered call-taker takes 6 calls a day on their seat; the roster decides who.
  const plan: Array<{ seat: string; times: string[] }> = [
    { seat: "A01", times: ["08:40", "09:55", "11:10", "13:25", "14:05", "15:30", "16:20", "17:45", "19:05", "20:30", "21:15", "22:40"] },
    { seat: "A02", times: ["08:30", "09:45", "10:50", "13:10", "14:35", "15:20"] },
    { seat: "A04", times: ["09:20", "10:15", "11:30", "14:00", "15:10", "16:25"] },
  ];
  let n = 0;
  let recorded = 0;
  for (let back = 7; back >= 1; back--) {
    const day = dayOf(new Date(Date.now() - back * DAY_MS));
    for (const { seat, times } of plan) {
      for (const time of times) {
        n++;
        const startedAt = at(day, `${time}:00`);
        const waitSeconds = 5 + pick(n, 40);
        const talkSeconds = n % 17 === 0 ? 780 + pick(n, 300) : 60 + pick(n, 240);
        const answeredAt = new Date(startedAt.getTime() + waitSeconds * 1000);
        const endedAt = new Date(answeredAt.getTime() + talkSeconds * 1000);
        const withRecording = back <= 3 && recorded < 9;
        const recordingFileId = withRecording ? recordings[recorded % 3]! : null;
        if (withRecording) {
          recorded++;
        }
        await storeCallRecord(manager, {
          actor: cti,
          request: {
            callId: `DEMO-${day.replaceAll("-", "")}-${seat}-${time.replace(":", "")}`,
            seatCode: seat,
            callerNumber: `139${String(10_000_000 + pick(n, 89_999_999)).padStart(8, "0")}`,
            direction: n % 11 === 0 ? QaCallDirection.OUTBOUND : QaCallDirection.INBOUND,
            startedAt,
            answeredAt,
            endedAt,
            waitSeconds,
            talkSeconds,
            recordingUrl: !withRecording && back === 1 && seat === "A02" && time === "08:30" ? DEMO_UNREACHABLE_RECORDING : null,
            recordingFileId,
            transcript: withRecording ? TRANSCRIPTS[recorded % TRANSCRIPTS.length]! : null,
          },
        });
      }
    }
  }
  const linked = await linkDemoTickets(manager);
  // 王敏 asked for one of her morning calls two days ago to be reviewed that afternoon: that day's sample picks it.
  const twoDaysAgo = dayOf(new Date(Date.now() - 2 * DAY_MS));
  await manager.query(
    `UPDATE qa_call SET flagged_at = $2, flag_reason = '来电人对政策答复有疑问，请帮我复核。' WHERE call_id = $1`,
    [`DEMO-${twoDaysAgo.replaceAll("-", "")}-A01-0955`, at(twoDaysAgo, "17:00:00")],
  );
  // The last week's samples, so that the inspection queue has work (the schedule takes over from tomorrow).
  for (let back = 7; back >= 1; back--) {
    await sampleDayIn(manager, dayOf(new Date(Date.now() - back * DAY_MS)), { seed: "demo" });
  }
  log.info({ calls: n, recordings: recorded, linkedTickets: linked, today }, "qa demo data seeded (teams, roster, call records, samples)");
}

/** The demo phone tickets 王敏 logged in the last week get the call id of a call she took just before. */
async function linkDemoTickets(manager: EntityManager): Promise<number> {
  const rows: Array<{ ticket_id: string }> = await manager.query(
    `WITH tickets AS (
       SELECT t.id, t.received_at, t.created_by FROM intake_ticket t JOIN platform_user u ON u.id = t.created_by
        WHERE u.username = 'operator' AND t.channel = 'phone' AND t.call_id IS NULL AND t.received_at > now() - interval '8 days'
     ), matched AS (
       SELECT DISTINCT ON (t.id) t.id, c.call_id FROM tickets t
         JOIN qa_call c ON c.call_taker_id = t.created_by AND c.started_at <= t.received_at AND c.started_at > t.received_at - interval '2 days'
        ORDER BY t.id, c.started_at DESC
     ), updated AS (
       UPDATE intake_ticket t SET call_id = m.call_id FROM matched m WHERE t.id = m.id RETURNING t.id, t.call_id
     )
     INSERT INTO qa_call_ticket (ticket_id, call_id) SELECT id, call_id FROM updated ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
  );
  return rows.length;
}
