import { Button, Kbd } from "@civicline/ui";
import type { LoggedTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { SHORTCUTS } from "./shortcuts.ts";
import type { CallAction } from "./useCallTicket.ts";

export type CallActionsProps = {
  ticket: LoggedTicketFragment | null;
  busy: CallAction | null;
  onAnswer: () => void;
  onDispatch: () => void;
};

/** Save (the form's submit, Ctrl+Enter), then 直接答复 (Alt+D) or 转派单 (Alt+S); either outcome saves first when needed. */
export function CallActions({ ticket, busy, onAnswer, onDispatch }: CallActionsProps) {
  const t = useOperatorT();
  return (
    <div className="call-actions" role="group" aria-label={t("call.actions")}>
      {ticket ? (
        <p className="call-actions__saved" role="status" data-testid="call-saved">
          {t("call.saved", { number: ticket.trackingNumber })}
        </p>
      ) : null}
      <div className="button-row">
        {ticket ? null : (
          <Button type="submit" variant="secondary" busy={busy === "save"} data-testid="save-call" aria-keyshortcuts="Control+Enter">
            {t("call.save")} <Kbd combo={SHORTCUTS.save} />
          </Button>
        )}
        <Button busy={busy === "answer"} onClick={onAnswer} data-testid="answer-directly" aria-keyshortcuts="Alt+D">
          {t("call.answerDirectly")} <Kbd combo={SHORTCUTS.answerDirectly} />
        </Button>
        <Button busy={busy === "dispatch"} onClick={onDispatch} data-testid="send-to-dispatch" aria-keyshortcuts="Alt+S">
          {t("call.sendToDispatch")} <Kbd combo={SHORTCUTS.sendToDispatch} />
        </Button>
      </div>
    </div>
  );
}
