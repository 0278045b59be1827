import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, buildTicket, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { EmergencyService } from "../call-screen/call-screen.enums.js";
import { markEmergency, recordEmergencyHandoff } from "../call-screen/emergency.js";
import { mergeIntoTicket } from "../call-screen/merge-ticket.js";
import { backfillHistoryNotes } from "../migrations/1796544098851-HistoryNotes.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

type NoteRow = { actor_kind: string; note_code: string | null; note_params: Record<string, string> | null; reason: string | null };

function notesOf(ticketId: string): Promise<NoteRow[]> {
  return db.dataSource.query("SELECT actor_kind, note_code, note_params, reason FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
}

describe("history notes are codes with parameters (rendered in the viewer's language), not English text", () => {
  it("stores the emergency, hand-off and merge notes as codes, and the citizen as an actor kind", async () => {
    const catalog = await buildCatalog(db);
    const fire = await buildCall(db, catalog);
    await markEmergency(db.dataSource, { actor: operator, ticketId: fire.id, version: fire.version });
    await recordEmergencyHandoff(db.dataSource, { actor: operator, ticketId: fire.id, service: EmergencyService.FIRE_119, reference: "119-0815", checklist: [] });
    const notes = await notesOf(fire.id);
    expect(notes.slice(1).map((row) => [row.note_code, row.note_params])).toEqual([
      ["marked_emergency", { was: "NORMAL" }],
      ["emergency_handoff", { service: "FIRE_119", reference: "119-0815" }],
    ]);
    expect(notes.map((row) => row.actor_kind)).toEqual(["staff", "staff", "staff"]);

    const target = await buildCall(db, catalog);
    const source = await buildCall(db, catalog, { phone: "13700000001" });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: source.id, version: source.version, intoTicketId: target.id });
    expect((await notesOf(source.id)).at(-1)).toMatchObject({ note_code: "merged_into", note_params: { number: target.trackingNumber } });
    expect((await notesOf(target.id)).at(-1)).toMatchObject({ note_code: "merged_in", note_params: { number: source.trackingNumber, count: "1" } });

    const fromPortal = await buildTicket(db);
    await db.dataSource.query("UPDATE intake_ticket_history SET actor_id = NULL, actor_kind = 'staff' WHERE ticket_id = $1", [fromPortal.id]);
    await backfillHistoryNotes(db.dataSource);
    expect((await notesOf(fromPortal.id))[0]).toMatchObject({ actor_kind: "citizen" });
  });

  it("turns notes stored as text before the codes existed into codes (the migration's backfill), and leaves typed text alone", async () => {
    const ticket = await buildTicket(db);
    const old = [
      "淄博市教育局 退单 / returned (NOT_OUR_JURISDICTION): 不属于本局职责",
      "handed off to 119, reference 119-2026-0815",
      "marked as an emergency (was urgent)",
      "退单未通过 / return rejected: 请继续办理",
      "回访未接通（3 次）/ callback: citizen not reached after 3 tries",
      "merged into ZB-20261124-00017",
      "answered on the spot",
      "请尽快处理",
    ];
    for (const reason of old) {
      await db.dataSource.query(
        "INSERT INTO intake_ticket_history (ticket_id, from_status, to_status, kind, actor_id, actor_name, reason, is_public) VALUES ($1, 'received', 'received', 'status', $2, 'x', $3, false)",
        [ticket.id, operator.id, reason],
      );
    }
    await db.dataSource.query(
      "INSERT INTO intake_ticket_history (ticket_id, from_status, to_status, kind, actor_id, actor_name, reason, is_public) VALUES ($1, 'received', 'awaiting_dispatch', 'status', '00000000-0000-4000-8000-00000000d15a', '自动派单 / auto-dispatch', NULL, true)",
      [ticket.id],
    );
    await backfillHistoryNotes(db.dataSource);
    const rows = (await notesOf(ticket.id)).slice(1);
    expect(rows.map((row) => [row.note_code, row.note_params])).toEqual([
      ["return_requested", { unit: "淄博市教育局", returnReason: "NOT_OUR_JURISDICTION", text: "不属于本局职责" }],
      ["emergency_handoff", { service: "FIRE_119", reference: "119-2026-0815" }],
      ["marked_emergency", { was: "URGENT" }],
      ["return_rejected", { note: "请继续办理" }],
      ["callback_unreached", { attempts: "3" }],
      ["merged_into", { number: "ZB-20261124-00017" }],
      ["answered_directly", { count: "0" }],
      [null, null],
      [null, null],
    ]);
    expect(rows.at(-1)?.actor_kind).toBe("auto_dispatch");
  });
});
