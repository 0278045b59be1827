import { useMutation } from "@apollo/client/react";
import { Button, useRoutingErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { RevealCitizenPhoneDocument } from "../gql/graphql.ts";
import { useWorkbenchT } from "./messages.ts";

/**
 * The caller's number on the unit's view of a ticket: masked, and — for a handler of the lead unit
 * when the citizen chose no restriction — a button that reveals it as a dial link (先联系后办理). The
 * reveal is written to the ticket's history by the server, so the history is read again.
 */
export function CitizenPhone({ ticketId, phone, canReveal }: { ticketId: string; phone: string; canReveal: boolean }) {
  const t = useWorkbenchT();
  const errorMessage = useRoutingErrorMessage();
  const [reveal, { data, loading }] = useMutation(RevealCitizenPhoneDocument, { refetchQueries: ["WorkbenchAssignment"] });
  const [error, setError] = useState<string | null>(null);
  const revealed = data?.revealCitizenPhone;
  if (revealed) {
    return (
      <a className="mono" href={revealed.telUri} data-testid="wb-phone-call">
        {t("wb.phone.call", { phone: revealed.phone })}
      </a>
    );
  }
  return (
    <span className="phone-reveal">
      <span className="mono">{phone}</span>
      {canReveal ? (
        <Button
          variant="secondary"
          busy={loading}
          data-testid="wb-phone-reveal"
          onClick={() => {
            setError(null);
            reveal({ variables: { ticketId } }).catch((caught: unknown) => setError(errorMessage(caught) ?? t("wb.phone.failed")));
          }}
        >
          {t("wb.phone.reveal")}
        </Button>
      ) : null}
      {canReveal ? <span className="field__hint">{t("wb.phone.revealHint")}</span> : null}
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
