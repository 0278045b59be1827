import { Button, isTextEntry, Kbd, useFormat, useHotkeys } from "@civicline/ui";
import { useEffect, useRef } from "react";
import { useOperatorT } from "../messages.ts";
import { CallerTickets, FOLLOW_UP_KEYS } from "./CallerTickets.tsx";
import type { CallerTicketFragment } from "../gql/graphql.ts";
import { SHORTCUTS } from "./shortcuts.ts";
import type { IncomingCall } from "./useScreenPop.ts";

export type ScreenPopBannerProps = {
  pop: IncomingCall;
  onTake: () => void;
  onDismiss: () => void;
  /** Take the call about one of the caller's tickets (a follow-up, 催办): Alt+1 … Alt+9. */
  onFollowUp?: (ticket: CallerTicketFragment) => void;
};

/**
 * 来电弹屏: the caller's number, open requests and earlier tickets, before anyone speaks. Focus
 * moves to "Take call" (Enter) unless the call-taker is typing somewhere; Alt+T works from anywhere.
 */
export function ScreenPopBanner({ pop, onTake, onDismiss, onFollowUp }: ScreenPopBannerProps) {
  const t = useOperatorT();
  const format = useFormat();
  const takeRef = useRef<HTMLButtonElement>(null);
  const history = pop.history;
  useHotkeys(
    FOLLOW_UP_KEYS.map((combo, index) => ({ combo, handler: () => history.tickets[index] && onFollowUp?.(history.tickets[index]) })),
    Boolean(onFollowUp) && history.tickets.length > 0,
  );

  useEffect(() => {
    if (!isTextEntry(document.activeElement)) {
      takeRef.current?.focus();
    }
  }, [pop.callId]);

  return (
    <section
      className="screen-pop card"
      data-testid="screen-pop"
      data-call-id={pop.callId}
      aria-labelledby="screen-pop-title"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDismiss();
        }
      }}
    >
      <p className="visually-hidden" role="alert">
        {t("pop.announce", { number: pop.callerNumber })}
      </p>
      <div className="screen-pop__header">
        <h2 id="screen-pop-title">
          {t("pop.title")} <span className="mono screen-pop__number">{pop.callerNumber}</span>
        </h2>
        <p className="screen-pop__meta">
          {t("pop.meta", { seat: pop.seat, time: format.dateTime(pop.receivedAt) })}
          {" · "}
          <strong data-testid="screen-pop-open-count">{t(history.openCount === 1 ? "pop.openCount.one" : "pop.openCount", { count: history.openCount })}</strong>
          {" · "}
          {t(history.tickets.length === 1 ? "pop.ticketCount.one" : "pop.ticketCount", { count: history.tickets.length })}
        </p>
      </div>
      <CallerTickets tickets={history.tickets} label={t("pop.historyLabel", { number: pop.callerNumber })} onFollowUp={onFollowUp} />
      <div className="button-row">
        <Button ref={takeRef} onClick={onTake} data-testid="take-call" aria-keyshortcuts="Alt+T">
          {t("pop.take")} <Kbd combo={SHORTCUTS.takeCall} />
        </Button>
        <Button variant="ghost" onClick={onDismiss} data-testid="dismiss-call">
          {t("pop.dismiss")}
        </Button>
      </div>
    </section>
  );
}
