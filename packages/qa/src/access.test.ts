import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, createTeam, integrator, qaTestDatabase } from "./__tests__/factories.js";
import { mayDecideAppealOf, qaScope, requireAggregateReader, requireCallTakerAccess, requireIndividualReader, scopeCovers, scopeSql } from "./access.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await qaTestDatabase();
});
afterAll(() => db?.destroy());

describe("QA access rules", () => {
  it("inspectors see everyone; a team lead their members and themselves; a call-taker themselves; supervisors, leaders and admins no individual", async () => {
    const ds = db.dataSource;
    const lead = await createStaff(ds, "周磊", [Role.OPERATOR]);
    const member = await createStaff(ds, "王敏", [Role.OPERATOR]);
    const other = await createStaff(ds, "张伟", [Role.OPERATOR]);
    const team = await createTeam(ds, lead, [member, lead]);
    await createTeam(ds, other, [other]);
    const inspector = await createStaff(ds, "刘洋", [Role.QA_INSPECTOR]);
    const supervisor = await createStaff(ds, "张静", [Role.SUPERVISOR]);
    const leader = await createStaff(ds, "陈军", [Role.LEADER]);
    const admin = await createStaff(ds, "管理员", [Role.ADMIN]);

    expect((await qaScope(ds, inspector)).kind).toBe("all");
    const leadScope = await qaScope(ds, lead);
    expect(leadScope).toMatchObject({ kind: "people", ledTeamIds: [team.id] });
    expect(scopeCovers(leadScope, member.id) && scopeCovers(leadScope, lead.id) && !scopeCovers(leadScope, other.id)).toBe(true);
    const own = await qaScope(ds, member);
    expect(own).toMatchObject({ kind: "people", userIds: [member.id], ledTeamIds: [] });
    for (const actor of [supervisor, leader, admin]) {
      expect((await qaScope(ds, actor)).kind).toBe("none");
      await expect(requireIndividualReader(ds, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(requireAggregateReader(ds, actor)).resolves.toBeTruthy();
    }
    await expect(requireAggregateReader(ds, member)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireAggregateReader(ds, lead)).resolves.toBeTruthy();
    // A call-taker cannot read a colleague's results by id — the same answer as for nobody at all.
    await expect(requireCallTakerAccess(ds, member, other.id)).rejects.toMatchObject({ code: "QA/CALL_TAKER_NOT_FOUND" });
    await expect(requireCallTakerAccess(ds, member, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "QA/CALL_TAKER_NOT_FOUND" });
    await expect(requireCallTakerAccess(ds, lead, other.id)).rejects.toMatchObject({ code: "QA/CALL_TAKER_NOT_FOUND" });
    await expect(requireCallTakerAccess(ds, lead, member.id)).resolves.toBeTruthy();
    await expect(requireCallTakerAccess(ds, inspector, other.id)).resolves.toBeTruthy();
    await expect(requireCallTakerAccess(ds, supervisor, member.id)).rejects.toMatchObject({ code: "QA/CALL_TAKER_NOT_FOUND" });
    // Appeals: only the lead of the call-taker's team decides, never their own.
    expect(await mayDecideAppealOf(ds, lead, member.id)).toBe(true);
    expect(await mayDecideAppealOf(ds, lead, lead.id)).toBe(false);
    expect(await mayDecideAppealOf(ds, lead, other.id)).toBe(false);
    expect(await mayDecideAppealOf(ds, inspector, member.id)).toBe(false);
    // Lists: a condition per scope.
    const params: unknown[] = [];
    expect(scopeSql(await qaScope(ds, inspector), "x", params)).toBe("TRUE");
    expect(scopeSql(await qaScope(ds, supervisor), "x", params)).toBe("FALSE");
    expect(scopeSql(own, "c.call_taker_id", params)).toBe("c.call_taker_id = ANY($1::uuid[])");
    expect(params).toEqual([[member.id]]);
  });

  it("refuses integrators and anonymous callers", async () => {
    await expect(qaScope(db.dataSource, integrator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(qaScope(db.dataSource, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
