import { describe, expect, it } from "vitest";
import { attemptInput, EMPTY_DRAFT, missingAnswers } from "../outcomeForm.ts";
import { callbackTabPath, tabOf, taskIdOf } from "../paths.ts";
import { callbackNavItems, isCallbackAgentOnly } from "../routes.tsx";

describe("callback navigation", () => {
  it("sends a callback agent without a desk role to the callback queue, not the call desk", () => {
    expect(isCallbackAgentOnly(["CALLBACK_AGENT"])).toBe(true);
    expect(isCallbackAgentOnly(["CALLBACK_AGENT", "OPERATOR"])).toBe(false);
    expect(isCallbackAgentOnly(["OPERATOR"])).toBe(false);
  });

  it("shows the callback entries to callback agents only, marking the current one", () => {
    const labels = { queue: "Callbacks", missed: "Missed calls" };
    expect(callbackNavItems("", "", ["OPERATOR"], labels)).toEqual([]);
    const home = callbackNavItems("", "", ["CALLBACK_AGENT"], labels);
    expect(home.map((item) => [item.label, item.current])).toEqual([
      ["Callbacks", true],
      ["Missed calls", false],
    ]);
    expect(home[1]?.href).toBe("/callback?tab=missed");
    const missed = callbackNavItems("callback", "?tab=missed", ["CALLBACK_AGENT"], labels);
    expect(missed.map((item) => item.current)).toEqual([false, true]);
    expect(callbackNavItems("callback/tasks/abc", "", ["CALLBACK_AGENT"], labels)[0]?.current).toBe(true);
  });

  it("reads tabs and task ids from the address", () => {
    expect(tabOf("?tab=surveys")).toBe("surveys");
    expect(tabOf("?tab=nonsense")).toBe("replies");
    expect(callbackTabPath("replies")).toBe("callback");
    expect(taskIdOf("callback/tasks/5f0e")).toBe("5f0e");
    expect(taskIdOf("callback/tasks/")).toBeNull();
    expect(taskIdOf("callback")).toBeNull();
  });
});

describe("callback outcome form", () => {
  it("needs the outcome first, then every question the task kind asks", () => {
    expect(missingAnswers(EMPTY_DRAFT, "REPLY")).toEqual(["outcome"]);
    expect(missingAnswers({ ...EMPTY_DRAFT, outcome: "NOT_REACHED" }, "REPLY")).toEqual([]);
    expect(missingAnswers({ ...EMPTY_DRAFT, outcome: "REACHED" }, "REPLY")).toEqual(["resolution", "resultSatisfaction", "processSatisfaction", "reasonable"]);
    expect(missingAnswers({ ...EMPTY_DRAFT, outcome: "REACHED" }, "DIRECT_ANSWER_SURVEY")).toEqual(["processSatisfaction"]);
  });

  it("sends answers only when reached, and leaves out what a survey does not ask", () => {
    const draft = { ...EMPTY_DRAFT, note: "  ", resolution: "PARTLY", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: "no", comment: "还没修好" } as const;
    expect(attemptInput("t1", { ...draft, outcome: "NOT_REACHED" }, "REPLY")).toEqual({ taskId: "t1", outcome: "NOT_REACHED", note: null });
    expect(attemptInput("t1", { ...draft, outcome: "REACHED" }, "REPLY")).toEqual({
      taskId: "t1",
      outcome: "REACHED",
      note: null,
      answers: { resolution: "PARTLY", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: false, comment: "还没修好" },
    });
    expect(attemptInput("t1", { ...draft, outcome: "REACHED" }, "DIRECT_ANSWER_SURVEY")).toEqual({
      taskId: "t1",
      outcome: "REACHED",
      note: null,
      answers: { processSatisfaction: "SATISFIED", comment: "还没修好" },
    });
  });
});
