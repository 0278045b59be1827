import { Button, useFormat } from "@civicline/ui";
import { useEffect, useRef } from "react";
import { DispatchForm } from "./DispatchForm.tsx";
import { useDispatchT } from "./messages.ts";
import { ProposalText } from "./ProposalText.tsx";
import type { QueueItem } from "./queue.ts";
import { ReturnDecision } from "./ReturnDecision.tsx";
import type { UnitDirectory } from "./UnitPicker.tsx";

type Props = { item: QueueItem; directory: UnitDirectory; onDone: (message: string) => void; onClose: () => void };

/** One queued ticket (render it with `key`): what it is about, the proposal, and dispatch or the return decision. */
export function DispatchPanel({ item, directory, onDone, onClose }: Props) {
  const t = useDispatchT();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { ticket, pendingReturn } = item;

  useEffect(() => {
    headingRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) {
        onClose();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  return (
    <aside className="detail-panel card" role="region" aria-labelledby="dispatch-panel-title" data-testid="dispatch-panel">
      <div className="detail-panel__header">
        <h2 id="dispatch-panel-title" ref={headingRef} tabIndex={-1}>
          {t("dq.panel.title", { number: ticket.trackingNumber })}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label={t("dq.panel.close")} data-testid="dispatch-panel-close">
          ✕
        </Button>
      </div>
      <p>
        {format.requestType(ticket.requestType)} · {format.name(ticket.category)} ·{" "}
        {[ticket.district, ticket.township].flatMap((area) => (area ? [format.name(area)] : [])).join(" · ")} · {ticket.address}
      </p>
      <h3>{t("dq.panel.description")}</h3>
      <p className="detail-panel__description">{ticket.description}</p>
      <h3>{t("dq.panel.proposal")}</h3>
      <p>
        <ProposalText item={item} testId="dispatch-panel-proposal" />
      </p>
      {pendingReturn ? (
        <ReturnDecision item={{ ...item, pendingReturn }} directory={directory} onDone={onDone} />
      ) : (
        <DispatchForm item={item} directory={directory} onDone={onDone} />
      )}
    </aside>
  );
}
