import { useFormat, useRuleText } from "@civicline/ui";
import type { QueueItem } from "./queue.ts";
import { useDispatchT } from "./messages.ts";

/** Routing's proposal: the lead unit, the rule that proposed it, assisting units, and a warning when unclear. */
export function ProposalText({ item, testId }: { item: QueueItem; testId?: string }) {
  const t = useDispatchT();
  const format = useFormat();
  const { summary } = useRuleText();
  const { proposal } = item;
  if (!proposal.leadUnit) {
    return (
      <span className="proposal proposal--none" data-testid={testId}>
        {t("dq.proposal.none")}
      </span>
    );
  }
  return (
    <span className="proposal" data-testid={testId} data-unit-id={proposal.leadUnit.id}>
      <strong className="proposal__unit">{format.name(proposal.leadUnit)}</strong>
      {proposal.assistingUnits.length > 0 ? (
        <span className="proposal__assisting">{t("dq.proposal.assisting", { units: proposal.assistingUnits.map(format.name).join("、") })}</span>
      ) : null}
      <span className="proposal__rule">{summary(proposal.rule)}</span>
      {!proposal.clear ? <span className="badge badge--warning">{t("dq.proposal.unclear")}</span> : null}
    </span>
  );
}
