import { useFormat } from "@civicline/ui";
import type { SupervisionOrderDetailQuery } from "../gql/graphql.ts";
import { useOrderT } from "./messages.ts";

type Step = NonNullable<SupervisionOrderDetailQuery["supervisionOrder"]>["timeline"][number];

/** An order's own timeline, oldest first: each step's label, level, who, when, note and deadline. */
export function OrderTimeline({ steps }: { steps: readonly Step[] }) {
  const t = useOrderT();
  const format = useFormat();
  return (
    <ol className="timeline order-timeline" data-testid="order-timeline" aria-label={t("so.detail.timeline")}>
      {steps.map((step) => (
        <li key={step.id} className="timeline__item" data-testid="order-timeline-step" data-action={step.action}>
          <span className="timeline__status">
            {format.enumValue("SupervisionOrderAction", step.action)} · {format.enumValue("SupervisionOrderLevel", step.level)}
          </span>{" "}
          <time dateTime={step.at}>{format.dateTime(step.at)}</time>
          <span className="timeline__actor"> · {step.automatic ? t("so.detail.system") : step.actorName}</span>
          {step.note ? <p className="timeline__note">{step.note}</p> : null}
          {step.dueAt ? <p className="hint">{t(step.action === "ANSWERED" ? "so.detail.finishBy" : "so.detail.dueAfter", { at: format.dateTime(step.dueAt) })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
