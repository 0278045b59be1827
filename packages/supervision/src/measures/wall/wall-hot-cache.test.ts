import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { cachedHotIssues, wallPeriods, type HotIssueSource } from "./wall-figures.js";

const db = {} as DataSource;
const issue = (count: number) => ({ key: `k${count}`, titleZh: "噪音 · 张店区", titleEn: "Noise · Zhangdian", count, categoryId: null, districtId: null, townshipId: null, fromDay: null, toDay: null });

describe("the wall's hot issues", () => {
  it("are read at most once a minute, again after a minute, and a failed read is not kept", async () => {
    let calls = 0;
    let fail = false;
    const source: HotIssueSource = () => {
      calls += 1;
      return fail ? Promise.reject(new Error("database down")) : Promise.resolve([issue(calls)]);
    };
    const cached = cachedHotIssues(source, 60_000);
    const t0 = new Date("2026-12-06T02:00:00Z");
    expect(await cached(db, t0)).toEqual([issue(1)]);
    expect(await cached(db, new Date(t0.getTime() + 59_000))).toEqual([issue(1)]);
    expect(calls).toBe(1);
    fail = true;
    await expect(cached(db, new Date(t0.getTime() + 60_000))).rejects.toThrow("database down");
    fail = false;
    expect(await cached(db, new Date(t0.getTime() + 61_000))).toEqual([issue(3)]);
    expect(calls).toBe(3);
  });

  it("takes today and this month in China time", () => {
    // 2026-11-30 17:00 UTC is already 1 December in Shanghai.
    expect(wallPeriods(new Date("2026-11-30T17:00:00Z"))).toEqual({ day: "2026-12-01", month: "2026-12", monthFirst: "2026-12-01", monthLast: "2026-12-31" });
    expect(wallPeriods(new Date("2028-02-10T00:00:00Z")).monthLast).toBe("2028-02-29");
  });
});
