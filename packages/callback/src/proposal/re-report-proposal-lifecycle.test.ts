import type { OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agent, buildRepliedTicket, buildWorld, callbackTestDatabase, outboxFor, supervisor, tasksOf, type World } from "../__tests__/factories.js";
import { expectEveryStateAgainstDatabase } from "../__tests__/lifecycle-properties.js";
import { CallOutcome, ReReportState, Resolution, Satisfaction } from "../callback.enums.js";
import { CallbackEvent } from "../callback.events.js";
import { recordCallbackAttempt } from "../task/task-work.js";
import { RE_REPORT_TRANSITIONS, ReReportAction, transitionReReportProposal } from "./re-report-proposal-lifecycle.js";
import { ReReportProposal } from "./re-report-proposal.entity.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

const STATES = Object.values(ReReportState);
const ACTIONS = Object.values(ReReportAction);
const dissatisfied = { resolution: Resolution.UNRESOLVED, resultSatisfaction: Satisfaction.DISSATISFIED, processSatisfaction: Satisfaction.SATISFIED, reasonable: true };

/** The pending proposal a real dissatisfied callback answer made. */
async function pendingProposal(): Promise<ReReportProposal> {
  const { ticket } = await buildRepliedTicket(db, world);
  await outbox.drain();
  const [task] = await tasksOf(db, ticket.id);
  await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.REACHED, answers: dissatisfied } });
  const proposal = await db.dataSource.getRepository(ReReportProposal).findOneByOrFail({ ticketId: ticket.id });
  expect(proposal.state).toBe(ReReportState.PENDING);
  return proposal;
}

/** The proposal's row as stored, and how many events name it. */
async function footprint(proposalId: string): Promise<{ row: Record<string, unknown>; events: number }> {
  const [row] = await db.dataSource.query("SELECT * FROM callback_re_report_proposal WHERE id = $1", [proposalId]);
  const [{ events }] = await db.dataSource.query("SELECT count(*)::int AS events FROM platform_outbox WHERE payload->>'proposalId' = $1", [proposalId]);
  return { row, events };
}

const move = (proposal: ReReportProposal, to: ReReportState, action: ReReportAction) =>
  db.dataSource.transaction((manager) =>
    transitionReReportProposal(manager, {
      proposal: { ...proposal },
      to,
      action,
      actor: supervisor,
      changes: { decidedByName: supervisor.name },
      event: { type: CallbackEvent.RE_REPORT_DECIDED, payload: { proposalId: proposal.id, ticketId: proposal.ticketId } },
    }),
  );

describe("transitionReReportProposal against the database", () => {
  it("from every state, refuses each step the table does not hold and writes nothing; an allowed step writes the state and one event", async () => {
    await expectEveryStateAgainstDatabase({
      table: RE_REPORT_TRANSITIONS,
      initial: ReReportState.PENDING,
      states: STATES,
      actions: ACTIONS,
      fresh: pendingProposal,
      move,
      footprint,
      written: { decided_by_name: supervisor.name },
    });
  });

  it("refuses with CONFLICT, writing nothing, when the row left the state the caller read", async () => {
    const proposal = await pendingProposal();
    await move(proposal, ReReportState.WITHDRAWN, ReReportAction.WITHDRAW);
    const before = await footprint(proposal.id);
    await expect(move(proposal, ReReportState.ACCEPTED, ReReportAction.ACCEPT)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await footprint(proposal.id)).toEqual(before);
  });
});
