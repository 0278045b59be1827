import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, Loading, TextInput, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { FlagCallForReviewDocument, MyQaCallsDocument, type MyQaCallFieldsFragment } from "../gql/graphql.ts";
import { useMyQaErrorMessage, useMyQaT } from "./messages.ts";

/**
 * The call-taker's calls of the last week: they may ask for one to be reviewed (once per call, with a
 * reason); the next daily sample picks it.
 */
export function MyCalls() {
  const t = useMyQaT();
  const format = useFormat();
  const errorMessage = useMyQaErrorMessage();
  const calls = useQuery(MyQaCallsDocument, { variables: { limit: 30 }, fetchPolicy: "cache-and-network" });
  const [open, setOpen] = useState<string | null>(null);
  const page = calls.data?.qaCalls;
  return (
    <section className="my-qa__calls" aria-labelledby="my-qa-calls-title" data-testid="my-qa-calls">
      <h2 id="my-qa-calls-title">{t("mq.calls.title")}</h2>
      <p className="my-qa__muted">{t("mq.calls.intro")}</p>
      {!page ? (
        calls.error ? <Alert>{errorMessage(calls.error)}</Alert> : <Loading />
      ) : page.items.length === 0 ? (
        <p className="my-qa__muted" data-testid="my-qa-calls-empty">
          {t("mq.calls.empty")}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("mq.calls.caption")} tabIndex={0}>
          <table className="my-qa__table">
            <caption className="visually-hidden">{t("mq.calls.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mq.calls.col.startedAt")}</th>
                <th scope="col">{t("mq.calls.col.duration")}</th>
                <th scope="col">{t("mq.calls.col.direction")}</th>
                <th scope="col">{t("mq.calls.col.tickets")}</th>
                <th scope="col">{t("mq.calls.col.review")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((call) => (
                <tr key={call.id} data-testid="my-qa-call" data-call={call.id}>
                  <th scope="row">{format.dateTime(call.startedAt)}</th>
                  <td className="my-qa__num">{t("mq.calls.duration", { minutes: Math.floor(call.talkSeconds / 60), seconds: call.talkSeconds % 60 })}</td>
                  <td>{format.enumValue("QaCallDirection", call.direction)}</td>
                  <td>{call.ticketTrackingNumbers.join(", ") || "—"}</td>
                  <td className="my-qa__wrap">
                    {call.flagged ? (
                      <span data-testid="my-qa-call-flagged">{t("mq.calls.flagged", { reason: call.flagReason ?? "" })}</span>
                    ) : open === call.id ? (
                      <FlagForm call={call} onDone={() => setOpen(null)} />
                    ) : (
                      <Button variant="ghost" onClick={() => setOpen(call.id)} aria-label={t("mq.calls.flagFor", { at: format.dateTime(call.startedAt) })} data-testid="my-qa-call-flag">
                        {t("mq.calls.flag")}
                      </Button>
                    )}
                    {call.sampled && !call.flagged ? <span className="my-qa__muted my-qa__block">{t("mq.calls.sampled")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FlagForm({ call, onDone }: { call: MyQaCallFieldsFragment; onDone: () => void }) {
  const t = useMyQaT();
  const errorMessage = useMyQaErrorMessage();
  const [flag, flagging] = useMutation(FlagCallForReviewDocument);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const tooShort = reason.trim().length < 2;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!tooShort) {
      void flag({ variables: { id: call.id, reason: reason.trim() } }).then(onDone).catch(() => undefined);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="my-qa__flag" data-testid="my-qa-flag-form">
      <Field label={t("mq.calls.reason")} error={tried && tooShort ? t("mq.calls.reasonShort") : undefined}>
        <TextInput maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus data-testid="my-qa-flag-reason" />
      </Field>
      {flagging.error ? <Alert testId="my-qa-flag-error">{errorMessage(flagging.error)}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={flagging.loading} data-testid="my-qa-flag-submit">
          {t("mq.calls.flagSubmit")}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t("mq.appeal.cancel")}
        </Button>
      </div>
    </form>
  );
}
