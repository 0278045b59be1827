import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { ClaimCallbackTaskDocument, NextCallbackTasksDocument, RecordCallbackAttemptDocument, ReleaseCallbackTaskDocument } from "../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../workbench/__tests__/routingTestKit.tsx";
import { CallbackTaskPage } from "../CallbackTaskPage.tsx";
import { always, buildTask, taskMock, type TaskFixture } from "./callbackFixtures.ts";

type Options = {
  canRecord?: boolean;
  language?: "en" | "zh-CN";
  claim?: "ok" | "taken";
  answer?: (task: TaskFixture, input: Record<string, unknown>) => TaskFixture;
  /** The server refuses the call with this error. */
  recordError?: GraphQLError;
  /** Ids the server lists as ready to call next (default: only this task). */
  ready?: string[];
};

const agentName = "赵丽";

/** What the server does with a recorded call, unless a test says otherwise. */
function defaultAnswer(task: TaskFixture, input: Record<string, unknown>): TaskFixture {
  const reached = input.outcome === "REACHED";
  const attempts = [...task.attempts, { __typename: "CallbackAttempt", at: "2026-11-25T03:00:00Z", agentName, reached, note: (input.note as string | null) ?? null }];
  if (!reached) {
    return { ...task, attempts, attemptCount: attempts.length, nextAttemptAt: "2099-11-25T06:00:00Z", readyToCall: false, claimedBy: null, claimedByMe: false };
  }
  const answers = input.answers as Record<string, unknown>;
  const survey = { __typename: "CallbackSurvey", id: "s1", channel: "PHONE", resolution: null, resultSatisfaction: null, reasonable: null, comment: null, answeredAt: "2026-11-25T03:00:00Z", recordedBy: agentName, ...answers };
  const proposed = answers.resolution === "UNRESOLVED" || answers.resultSatisfaction === "VERY_DISSATISFIED";
  return {
    ...task,
    state: "DONE",
    attempts,
    attemptCount: attempts.length,
    claimedBy: null,
    claimedByMe: false,
    survey,
    proposal: proposed ? { __typename: "ReReportProposal", id: "p1", state: "PENDING", reasons: ["RESULT_DISSATISFIED", "UNRESOLVED"] } : null,
  };
}

function setup(initial: TaskFixture, options: Options = {}) {
  const server = { task: initial };
  const claims: Record<string, unknown>[] = [];
  const records: Record<string, unknown>[] = [];
  const claimMock =
    options.claim === "taken"
      ? {
          ...always,
          request: { query: ClaimCallbackTaskDocument, variables: { id: initial.id } },
          result: { errors: [new GraphQLError("王芳 is calling this citizen.", { extensions: { code: "CALLBACK/CLAIMED_BY_OTHER", claimedBy: "王芳", claimedUntil: "2026-11-25T03:15:00Z" } })] },
        }
      : recordingMock(ClaimCallbackTaskDocument, claims, () => {
          server.task = { ...server.task, claimedBy: agentName, claimedByMe: true, claimedUntil: "2026-11-25T03:15:00Z" };
          return { claimCallbackTask: { __typename: "CallbackTask", id: initial.id, claimedBy: agentName, claimedByMe: true, claimedUntil: "2026-11-25T03:15:00Z" } };
        });
  const recordError = options.recordError;
  const recordMock = recordError
    ? { ...always, request: { query: RecordCallbackAttemptDocument, variables: () => true }, result: { errors: [recordError] } }
    : recordingMock(RecordCallbackAttemptDocument, records, (variables) => {
        server.task = (options.answer ?? defaultAnswer)(server.task, variables.input as Record<string, unknown>);
        return { recordCallbackAttempt: server.task };
      });
  const nextMock = {
    ...always,
    request: { query: NextCallbackTasksDocument },
    result: () => {
      const ids = options.ready ?? [initial.id];
      const items = ids.map((id) => ({ __typename: "CallbackTask", id, claimedBy: id === "busy" ? "王芳" : null, claimedByMe: false }));
      return { data: { callbackQueue: { __typename: "CallbackTaskPage", total: items.length, items } } };
    },
  };
  const releases: Record<string, unknown>[] = [];
  const releaseMock = recordingMock(ReleaseCallbackTaskDocument, releases, () => ({
    releaseCallbackTask: { __typename: "CallbackTask", id: initial.id, claimedBy: null, claimedByMe: false, claimedUntil: null },
  }));
  renderRouting(<CallbackTaskPage id={initial.id} canRecord={options.canRecord ?? true} />, [taskMock(() => server.task), claimMock, recordMock, nextMock, releaseMock], options.language ?? "en");
  return { claims, records, releases, server };
}

const form = () => screen.getByTestId("callback-form");
const choose = (testId: string) => fireEvent.click(within(form()).getByTestId(testId));

describe("callback task screen", () => {
  it("shows the ticket with the full phone number to call, the unit's reply and the script, and claims the task on open", async () => {
    const { claims } = setup(buildTask("7"));
    const ticket = await screen.findByTestId("callback-ticket");
    expect(within(ticket).getByTestId("callback-tracking-number").textContent).toBe("ZB-20261125-00007");
    const phone = within(ticket).getByTestId("callback-phone");
    expect(phone.getAttribute("href")).toBe("tel:13822223333");
    expect(phone.textContent).toBe("13822223333");
    expect(ticket.textContent).toContain("School bullying");
    expect(ticket.textContent).toContain("Complaint");
    expect(screen.getByTestId("callback-reply").textContent).toContain("Zibo Education Bureau");
    expect(screen.getByTestId("callback-reply").textContent).toContain("Resolved");
    expect(screen.getByTestId("callback-reply-text").textContent).toBe("经调查，学校已对涉事学生批评教育。");
    expect(screen.getByTestId("callback-script").textContent).toContain("Hello, am I speaking with 孙女士?");
    expect(await screen.findByTestId("callback-claimed")).toBeTruthy();
    expect(claims).toEqual([{ id: "7" }]);
  });

  it("marks unanswered questions on their fields and sends nothing", async () => {
    const { records } = setup(buildTask("7"));
    await screen.findByTestId("callback-form");
    fireEvent.click(screen.getByTestId("callback-save"));
    const outcome = within(form()).getByTestId("callback-outcome");
    const error = within(outcome).getByText("Choose an answer.");
    expect(outcome.getAttribute("aria-describedby")).toContain(error.id);
    expect(screen.getByTestId("callback-missing")).toBeTruthy();

    choose("callback-outcome-REACHED");
    choose("callback-resolution-PARTLY");
    fireEvent.click(screen.getByTestId("callback-save"));
    for (const testId of ["callback-result", "callback-process", "callback-reasonable"]) {
      const group = within(form()).getByTestId(testId);
      expect(within(group).getByText("Choose an answer.")).toBeTruthy();
      expect(within(group).getAllByRole("radio")[0]?.getAttribute("aria-invalid")).toBe("true");
    }
    expect(within(within(form()).getByTestId("callback-resolution")).queryByText("Choose an answer.")).toBeNull();
    expect(records).toHaveLength(0);
  });

  it("records a reached call with the answers and says a re-report was proposed", async () => {
    const { records } = setup(buildTask("7"));
    await screen.findByTestId("callback-claimed");
    choose("callback-outcome-REACHED");
    choose("callback-resolution-UNRESOLVED");
    choose("callback-result-VERY_DISSATISFIED");
    choose("callback-process-SATISFIED");
    choose("callback-reasonable-yes");
    fireEvent.change(within(form()).getByTestId("callback-comment"), { target: { value: " 孩子仍然被欺负 " } });
    fireEvent.click(screen.getByTestId("callback-save"));

    const saved = await screen.findByTestId("callback-saved");
    expect(saved.textContent).toBe("Saved. A re-report was proposed to the supervisors: dissatisfied with the result, not resolved.");
    expect(saved.getAttribute("data-proposed")).toBe("true");
    expect(records).toEqual([
      {
        input: {
          taskId: "7",
          outcome: "REACHED",
          note: null,
          answers: { resolution: "UNRESOLVED", resultSatisfaction: "VERY_DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: true, comment: "孩子仍然被欺负" },
        },
      },
    ]);
    await waitFor(() => expect(screen.queryByTestId("callback-form")).toBeNull());
    expect(screen.getByTestId("callback-answers").textContent).toContain("Very dissatisfied");
  });

  it("asks a direct-answer survey about the service only, in Chinese", async () => {
    const task = buildTask("8", { kind: "DIRECT_ANSWER_SURVEY", reply: null, ticket: { directAnswer: "可携带户口本到社区办理。", status: "CLOSED_DIRECT" } });
    const { records } = setup(task, { language: "zh-CN" });
    expect((await screen.findByTestId("callback-reply")).textContent).toContain("受理时的直接答复");
    choose("callback-outcome-REACHED");
    expect(within(form()).queryByTestId("callback-resolution")).toBeNull();
    expect(within(form()).queryByTestId("callback-result")).toBeNull();
    expect(within(form()).queryByTestId("callback-reasonable")).toBeNull();
    expect(within(form()).getByTestId("callback-process").textContent).toContain("非常不满意");
    choose("callback-process-BASICALLY_SATISFIED");
    fireEvent.click(screen.getByTestId("callback-save"));
    expect((await screen.findByTestId("callback-saved")).textContent).toBe("已保存，满意度调查完成。");
    expect(records).toEqual([{ input: { taskId: "8", outcome: "REACHED", note: null, answers: { processSatisfaction: "BASICALLY_SATISFIED", comment: null } } }]);
  });

  it("records a call that was not answered and says when to try again", async () => {
    const { records } = setup(buildTask("7"));
    await screen.findByTestId("callback-claimed");
    choose("callback-outcome-NOT_REACHED");
    expect(within(form()).queryByTestId("callback-process")).toBeNull();
    fireEvent.change(within(form()).getByTestId("callback-note"), { target: { value: "关机" } });
    fireEvent.click(screen.getByTestId("callback-save"));
    expect((await screen.findByTestId("callback-saved")).textContent).toBe("Saved as not reached (call 1 of 3). Next try from 11/25/2099, 14:00.");
    expect(records).toEqual([{ input: { taskId: "7", outcome: "NOT_REACHED", note: "关机" } }]);
  });

  it("says so when the last try closes the callback as unreachable", async () => {
    const answer = (task: TaskFixture): TaskFixture => ({
      ...task,
      state: "UNREACHABLE",
      attemptCount: 3,
      attempts: [...task.attempts, { __typename: "CallbackAttempt", at: "2026-11-25T03:00:00Z", agentName, reached: false, note: null }],
    });
    setup(buildTask("7", { attemptCount: 2 }), { answer });
    await screen.findByTestId("callback-claimed");
    fireEvent.keyDown(document.body, { key: "u", code: "KeyU", altKey: true });
    fireEvent.keyDown(document.body, { key: "Enter", code: "Enter", ctrlKey: true });
    expect((await screen.findByTestId("callback-saved")).textContent).toBe("Saved as not reached. After 3 calls the callback is closed as unreachable.");
  });

  it("shows who is calling when another agent holds the task, without the form", async () => {
    setup(buildTask("7"), { claim: "taken" });
    const taken = await screen.findByTestId("callback-claimed-other");
    expect(taken.textContent).toBe("王芳 is calling this citizen. Try again after 11/25/2026, 11:15, or take another task.");
    expect(screen.queryByTestId("callback-form")).toBeNull();
  });

  it("puts the server's field messages on their fields, and other refusals above the button", async () => {
    const tooLong = new GraphQLError("Invalid input", {
      extensions: { code: "BAD_USER_INPUT", fields: [{ field: "answers.comment", code: "TOO_LONG", message: "Keep the comment under 2000 characters." }] },
    });
    setup(buildTask("7"), { recordError: tooLong });
    await screen.findByTestId("callback-claimed");
    choose("callback-outcome-REACHED");
    choose("callback-resolution-RESOLVED");
    choose("callback-result-SATISFIED");
    choose("callback-process-SATISFIED");
    choose("callback-reasonable-no");
    fireEvent.click(screen.getByTestId("callback-save"));
    const comment = within(form()).getByTestId("callback-comment");
    await waitFor(() => expect(comment.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = comment.getAttribute("aria-describedby") ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error")) ?? "";
    expect(document.getElementById(errorId)?.textContent).toBe("This is too long; please shorten it.");
    expect(screen.queryByTestId("callback-error")).toBeNull();
  });

  it("explains a retry that is not due yet", async () => {
    const notDue = new GraphQLError("The next try is not due yet.", { extensions: { code: "CALLBACK/RETRY_NOT_DUE" } });
    setup(buildTask("7", { attemptCount: 1, readyToCall: false, nextAttemptAt: "2099-11-25T06:00:00Z" }), { recordError: notDue, language: "zh-CN" });
    await screen.findByTestId("callback-claimed");
    expect(screen.getByText("下次重拨时间为 2099/11/25 14:00；此前仅在市民接听时记录。")).toBeTruthy();
    choose("callback-outcome-NOT_REACHED");
    fireEvent.click(screen.getByTestId("callback-save"));
    expect((await screen.findByTestId("callback-error")).textContent).toBe("尚未到重拨时间。此前仅在市民接听时记录。");
  });

  it("moves on to the next callback nobody else is calling, or says there is none", async () => {
    const { releases } = setup(buildTask("7"), { ready: ["7", "busy", "12"] });
    await screen.findByTestId("callback-claimed");
    fireEvent.keyDown(document.body, { key: "j", code: "KeyJ", altKey: true });
    await waitFor(() => expect(window.location.pathname).toBe("/callback/tasks/12"));
    expect(releases).toEqual([{ id: "7" }]);
    window.history.replaceState(null, "", "/");
  });

  it("says when no other callback is ready", async () => {
    setup(buildTask("7"), { ready: ["7", "busy"] });
    await screen.findByTestId("callback-claimed");
    fireEvent.click(screen.getByTestId("callback-next"));
    expect((await screen.findByTestId("callback-next-none")).textContent).toBe("No other callback is ready to call now.");
  });

  it("shows a closed callback with its answers, and nothing to record", async () => {
    const survey = { __typename: "CallbackSurvey", id: "s1", channel: "ONLINE", resolution: "RESOLVED", resultSatisfaction: "SATISFIED", processSatisfaction: "VERY_SATISFIED", reasonable: null, comment: null, answeredAt: "2026-11-25T03:00:00Z", recordedBy: null };
    const { claims } = setup(buildTask("9", { state: "DONE_ONLINE", survey }));
    expect((await screen.findByTestId("callback-closed")).textContent).toBe("This callback is closed: Rated online by the citizen.");
    expect(screen.getByTestId("callback-answers").textContent).toContain("Very satisfied");
    expect(screen.queryByTestId("callback-form")).toBeNull();
    expect(claims).toHaveLength(0);
  });
});
