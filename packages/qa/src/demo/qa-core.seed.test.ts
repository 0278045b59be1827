import { createLogger, loadConfig } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qaTestDatabase } from "../__tests__/factories.js";
import { resolveSeatOccupant } from "../roster/roster.js";
import { demoRecording } from "./demo-audio.js";
import { seedQaCoreDemo } from "./qa-core.seed.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await qaTestDatabase();
});
afterAll(() => db?.destroy());

describe("qa demo data", () => {
  it("seeds the team lead, a roster with a shared seat, a week of calls with playable recordings, and a non-empty inspection queue — once", async () => {
    const log = createLogger({ level: "silent" });
    await db.dataSource.query(`INSERT INTO platform_user (username, display_name, password_hash, roles, seat) VALUES ('operator', '王敏 (Operator)', 'x', '{operator}', 'A01'), ('admin', 'Admin', 'x', '{admin}', NULL)`);
    await db.dataSource.transaction((manager) => seedQaCoreDemo({ manager, log, config: loadConfig({}) }));
    await db.dataSource.transaction((manager) => seedQaCoreDemo({ manager, log, config: loadConfig({}) }));
    const [teams] = await db.dataSource.query(`SELECT count(*)::int AS n, min(u.username) AS lead FROM qa_team t JOIN platform_user u ON u.id = t.lead_user_id WHERE t.name = '一班 Team 1'`);
    expect(teams).toEqual({ n: 1, lead: "teamlead" });
    const calls: Array<{ taker: string; n: number }> = await db.dataSource.query(
      `SELECT u.username AS taker, count(*)::int AS n FROM qa_call c JOIN platform_user u ON u.id = c.call_taker_id GROUP BY u.username ORDER BY u.username`,
    );
    expect(calls).toEqual([
      { taker: "operator", n: 42 },
      { taker: "operator2", n: 42 },
      { taker: "operator3", n: 42 },
      { taker: "teamlead", n: 42 },
    ]);
    // Seat A01 is shared: the day and the evening shift land on different people.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    expect((await resolveSeatOccupant(db.dataSource, "A01", new Date(`${yesterday}T10:00:00+08:00`)))?.displayName).toBe("王敏 (Operator)");
    expect((await resolveSeatOccupant(db.dataSource, "A01", new Date(`${yesterday}T20:00:00+08:00`)))?.displayName).toBe("李娜 (Operator)");
    const [recordings] = await db.dataSource.query(`SELECT count(*) FILTER (WHERE recording_file_id IS NOT NULL)::int AS files, count(*) FILTER (WHERE recording_url IS NOT NULL)::int AS urls FROM qa_call`);
    expect(recordings).toEqual({ files: 9, urls: 1 });
    const [pending] = await db.dataSource.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE reason = 'FLAGGED')::int AS flagged FROM qa_sample WHERE inspected_at IS NULL`);
    expect(pending.n).toBeGreaterThanOrEqual(7 * 4 * 2);
    expect(pending.flagged).toBe(1);
  });

  it("generates a valid PCM WAV", () => {
    const wav = demoRecording(1, 2);
    expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(wav.subarray(8, 12).toString("ascii")).toBe("WAVE");
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.length).toBe(44 + 2 * 8000 * 2);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
  });
});
