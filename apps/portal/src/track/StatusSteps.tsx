import type { TicketStatus } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";

type Step = "received" | "handling" | "replied" | "closed" | "answered";

/** The steps a citizen's request goes through, and how far this status has come (index of the current step). */
export function stepsFor(status: TicketStatus): { steps: Step[]; current: number } {
  if (status === "CLOSED_DIRECT") {
    return { steps: ["received", "answered"], current: 1 };
  }
  const steps: Step[] = ["received", "handling", "replied", "closed"];
  const current: Record<TicketStatus, number> = {
    RECEIVED: 0,
    AWAITING_DISPATCH: 0,
    MERGED: 0,
    CLOSED_DIRECT: 1,
    DISPATCHED: 1,
    SIGNED_FOR: 1,
    IN_PROGRESS: 1,
    REPLIED: 2,
    CLOSED: 3,
  };
  return { steps, current: current[status] };
}

/** A visual progress bar of the request's steps; each step says in words whether it is done, current or to come. */
export function StatusSteps({ status }: { status: TicketStatus }) {
  const t = usePortalT();
  const { steps, current } = stepsFor(status);
  const finished = status === "CLOSED" || status === "CLOSED_DIRECT";
  return (
    <ol className="status-steps" aria-label={t("track.steps")} data-testid="status-steps">
      {steps.map((step, index) => {
        const state = index < current || (finished && index === current) ? "done" : index === current ? "current" : "todo";
        return (
          <li key={step} className={`status-steps__step status-steps__step--${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="status-steps__dot" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="status-steps__label">{t(`track.step.${step}`)}</span>
            <span className="visually-hidden">
              {" "}
              ({t(`track.step.${state}`)})
            </span>
          </li>
        );
      })}
    </ol>
  );
}
