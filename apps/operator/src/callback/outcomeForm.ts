import type { CallbackAttemptInput, CallbackTaskKind, Resolution, Satisfaction } from "../gql/graphql.ts";

export const RESOLUTIONS: readonly Resolution[] = ["RESOLVED", "PARTLY", "UNRESOLVED"];
export const SATISFACTIONS: readonly Satisfaction[] = ["VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED"];

/** What the agent has entered so far ("" = not chosen yet). */
export type OutcomeDraft = {
  outcome: "" | "REACHED" | "NOT_REACHED";
  note: string;
  resolution: "" | Resolution;
  resultSatisfaction: "" | Satisfaction;
  processSatisfaction: "" | Satisfaction;
  reasonable: "" | "yes" | "no";
  comment: string;
};

export const EMPTY_DRAFT: OutcomeDraft = { outcome: "", note: "", resolution: "", resultSatisfaction: "", processSatisfaction: "", reasonable: "", comment: "" };

/** The questions of the form, in the order they are shown (error focus goes to the first missing). */
export const QUESTIONS = ["outcome", "resolution", "resultSatisfaction", "processSatisfaction", "reasonable"] as const;
export type Question = (typeof QUESTIONS)[number];

/** Whether a task kind asks a question: a direct-answer survey asks only about the service. */
export function asks(kind: CallbackTaskKind, question: Question): boolean {
  return kind === "REPLY" || question === "outcome" || question === "processSatisfaction";
}

/** The unanswered questions; none are asked after "not reached" but the outcome itself. */
export function missingAnswers(draft: OutcomeDraft, kind: CallbackTaskKind): Question[] {
  if (draft.outcome !== "REACHED") {
    return draft.outcome === "" ? ["outcome"] : [];
  }
  return QUESTIONS.filter((question) => asks(kind, question) && draft[question] === "");
}

export function isResolution(value: string): value is Resolution {
  return (RESOLUTIONS as readonly string[]).includes(value);
}

export function isSatisfaction(value: string): value is Satisfaction {
  return (SATISFACTIONS as readonly string[]).includes(value);
}

/** The mutation input for a complete draft: answers only when reached, and only those the kind asks. */
export function attemptInput(taskId: string, draft: OutcomeDraft, kind: CallbackTaskKind): CallbackAttemptInput {
  const note = draft.note.trim() || null;
  if (draft.outcome !== "REACHED") {
    return { taskId, outcome: "NOT_REACHED", note };
  }
  const comment = draft.comment.trim() || null;
  const processSatisfaction = draft.processSatisfaction as Satisfaction;
  if (kind !== "REPLY") {
    return { taskId, outcome: "REACHED", note, answers: { processSatisfaction, comment } };
  }
  return {
    taskId,
    outcome: "REACHED",
    note,
    answers: {
      resolution: draft.resolution as Resolution,
      resultSatisfaction: draft.resultSatisfaction as Satisfaction,
      processSatisfaction,
      reasonable: draft.reasonable === "yes",
      comment,
    },
  };
}
