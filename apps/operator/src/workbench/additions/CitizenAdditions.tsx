import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, useErrorMessage, useFormat } from "@civicline/ui";
import { useState } from "react";
import { MarkCitizenAdditionReadDocument, UnreadCitizenAdditionsDocument } from "../../gql/graphql.ts";
import { useAdditionT } from "./messages.ts";
import "./additions.css";

const POLL_MS = 30_000;

/**
 * What citizens added to the unit's tickets on the portal and nobody here marked read yet, newest
 * first, at the very top of the workbench. Renders nothing when there is none.
 */
export function CitizenAdditions({ onOpen }: { onOpen: (ticketId: string) => void }) {
  const t = useAdditionT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const additions = useQuery(UnreadCitizenAdditionsDocument, { fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const [markRead, marking] = useMutation(MarkCitizenAdditionReadDocument);
  const [done, setDone] = useState(false);
  const items = additions.data?.unreadCitizenAdditions ?? [];
  if (additions.error && !additions.data) {
    return <Alert testId="citizen-additions-error">{`${t("ca.loadFailed")} ${errorMessage(additions.error) ?? ""}`}</Alert>;
  }
  if (items.length === 0) {
    return done ? <Alert tone="success">{t("ca.readDone")}</Alert> : null;
  }
  const read = (id: string) => {
    setDone(false);
    markRead({ variables: { id } }).then(
      () => {
        setDone(true);
        void additions.refetch().catch(() => undefined);
      },
      () => undefined,
    );
  };
  return (
    <section className="citizen-additions" aria-labelledby="citizen-additions-title" data-testid="citizen-additions">
      <h2 id="citizen-additions-title">
        {t("ca.title")} <span className="count-badge">{items.length}</span>
      </h2>
      <p className="hint">{t("ca.intro")}</p>
      <div aria-live="polite">{done ? <Alert tone="success">{t("ca.readDone")}</Alert> : null}</div>
      {marking.error ? <Alert>{errorMessage(marking.error)}</Alert> : null}
      <ul className="citizen-additions__list">
        {items.map((addition) => (
          <li key={addition.id} className="citizen-addition" data-testid="citizen-addition" data-ticket-id={addition.ticketId}>
            <div className="citizen-addition__head">
              <strong>{t("ca.ticket", { trackingNumber: addition.trackingNumber })}</strong>
              <span className="hint">{t("ca.at", { at: format.dateTime(addition.at) })}</span>
            </div>
            {addition.message ? <p className="pre-wrap">{addition.message}</p> : <p className="hint">{t("ca.photosOnly")}</p>}
            {addition.photos.length > 0 ? (
              <ul className="citizen-addition__photos" aria-label={t("ca.photos")}>
                {addition.photos.map((photo, index) => (
                  <li key={photo.id}>
                    <a href={photo.url} target="_blank" rel="noreferrer">
                      <img src={photo.url} alt={t("ca.photo", { n: index + 1, name: photo.filename })} />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="citizen-addition__buttons">
              <Button variant="secondary" onClick={() => onOpen(addition.ticketId)} aria-label={`${t("ca.open")} — ${t("ca.ticket", { trackingNumber: addition.trackingNumber })}`}>
                {t("ca.open")}
              </Button>
              <Button variant="secondary" busy={marking.loading} onClick={() => read(addition.id)} data-testid="citizen-addition-read" aria-label={`${t("ca.read")} — ${t("ca.ticket", { trackingNumber: addition.trackingNumber })}`}>
                {t("ca.read")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
