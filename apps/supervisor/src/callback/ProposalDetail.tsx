import { useMutation } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, TextArea, useFieldErrors, useFormat } from "@civicline/ui";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { DecideReReportDocument, type ReReportProposalFieldsFragment } from "../gql/graphql.ts";
import { Reasons } from "./answers.tsx";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useSupervisorCallbackT } from "./messages.ts";

const NOTE_MAX_CHARS = 1000;
const NOTE_MIN_CHARS = 2;
/** Lists a decision changes. */
const DECISION_REFETCH = ["ReReportProposals", "DecidedReReports", "SatisfactionSummary"];

type Props = { proposal: ReReportProposalFieldsFragment; canDecide: boolean; onClose: () => void; onDecided: (message: string) => void };

/**
 * One proposal in full: the request, the citizen's answers, the unit's reply, and the decision —
 * accept (sent again to the same unit) or decline (the ticket closed), each with the supervisor's note.
 */
export function ProposalDetail({ proposal, canDecide, onClose, onDecided }: Props) {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  const errorMessage = useCallbackErrorMessage();
  const toFieldErrors = useFieldErrors();
  const [note, setNote] = useState("");
  const [noteProblem, setNoteProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [decide, { loading }] = useMutation(DecideReReportDocument, { refetchQueries: DECISION_REFETCH });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { reply, ticket } = proposal;
  const unitName = format.name(proposal.unit);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = async (accept: boolean) => {
    const trimmed = note.trim();
    if (Array.from(trimmed).length < NOTE_MIN_CHARS) {
      setNoteProblem(trimmed ? t("field.TOO_SHORT") : t("common.required"));
      document.getElementById("proposal-note")?.focus();
      return;
    }
    setNoteProblem(null);
    setError(null);
    try {
      await decide({ variables: { id: proposal.id, accept, note: trimmed } });
      onDecided(t(accept ? "sc.decide.accepted" : "sc.decide.declined", { number: proposal.trackingNumber, unit: unitName }));
    } catch (caught) {
      setError(caught);
      if (errorCode(caught) === "CALLBACK/ALREADY_DECIDED") {
        onDecided(errorMessage(caught) ?? "");
      }
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };
  const fields = toFieldErrors(error);

  return (
    <aside id="proposal-detail" className="card proposal-detail" aria-labelledby="proposal-detail-title" data-testid="proposal-detail" onKeyDown={onKeyDown}>
      <div className="proposal-detail__header">
        <h2 id="proposal-detail-title" ref={headingRef} tabIndex={-1}>
          {t("sc.detail.title", { number: proposal.trackingNumber })}
        </h2>
        <Button variant="ghost" onClick={onClose} data-testid="proposal-close">
          {t("sc.detail.close")}
        </Button>
      </div>
      <Reasons reasons={proposal.reasons} />
      <div className="proposal-detail__body">
        <div>
          <h3>{t("sc.detail.request")}</h3>
          <dl className="details">
            <dt>{t("sc.col.category")}</dt>
            <dd>
              {format.name(proposal.category)} · {format.requestType(ticket.requestType)}
            </dd>
            <dt>{t("sc.detail.district")}</dt>
            <dd>{format.name(ticket.district)}</dd>
            <dt>{t("sc.detail.receivedAt")}</dt>
            <dd>
              <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
            </dd>
            <dt>{t("sc.detail.description")}</dt>
            <dd className="proposal-text">{ticket.description}</dd>
          </dl>
          <h3>{t("sc.detail.answers")}</h3>
          <SurveyDetails proposal={proposal} />
        </div>
        <div>
          <h3>{t("sc.detail.reply")}</h3>
          {reply ? (
            <dl className="details" data-testid="proposal-reply">
              <dt>{t("sc.col.unit")}</dt>
              <dd>{format.name({ nameZh: reply.unitNameZh, nameEn: reply.unitNameEn })}</dd>
              <dt>{t("sc.detail.replyOutcome")}</dt>
              <dd>{t(`rt.ReplyOutcome.${reply.outcome}`)}</dd>
              <dt>{t("sc.detail.repliedAt")}</dt>
              <dd>
                <time dateTime={reply.repliedAt}>{format.dateTime(reply.repliedAt)}</time>
                {reply.repliedBy ? ` · ${reply.repliedBy}` : ""}
              </dd>
              <dt>{t("sc.detail.replyText")}</dt>
              <dd className="proposal-text">{reply.text}</dd>
            </dl>
          ) : (
            <p className="stat__hint">{t("sc.detail.noReply")}</p>
          )}
          {canDecide ? (
            <section className="proposal-decision" aria-labelledby="proposal-decision-title">
              <h3 id="proposal-decision-title">{t("sc.decide.title")}</h3>
              <Field id="proposal-note" label={t("sc.decide.note")} hint={t("sc.decide.noteHint")} error={noteProblem ?? fields.note}>
                <TextArea
                  value={note}
                  maxChars={NOTE_MAX_CHARS}
                  rows={3}
                  onChange={(event) => {
                    setNote(event.target.value);
                    setNoteProblem(null);
                  }}
                  data-testid="proposal-note"
                />
              </Field>
              {error && !fields.note && errorCode(error) !== "CALLBACK/ALREADY_DECIDED" ? <Alert>{errorMessage(error)}</Alert> : null}
              <div className="button-row">
                <Button busy={loading} onClick={() => void submit(true)} data-testid="proposal-accept">
                  {t("sc.decide.accept", { unit: unitName })}
                </Button>
                <Button variant="secondary" busy={loading} onClick={() => void submit(false)} data-testid="proposal-decline">
                  {t("sc.decide.decline")}
                </Button>
              </div>
            </section>
          ) : (
            <p className="stat__hint proposal-decision" data-testid="proposal-read-only">
              {t("sc.decide.readOnly")}
            </p>
          )}
        </div>
      </div>
    </aside>
  );
}

/** The citizen's answers in full. */
function SurveyDetails({ proposal }: { proposal: ReReportProposalFieldsFragment }) {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  const { survey } = proposal;
  return (
    <dl className="details" data-testid="proposal-answers">
      {survey.resolution ? (
        <>
          <dt>{t("sc.answers.resolution")}</dt>
          <dd>{t(`sc.resolution.${survey.resolution}`)}</dd>
        </>
      ) : null}
      {survey.resultSatisfaction ? (
        <>
          <dt>{t("sc.answers.result")}</dt>
          <dd>{t(`sc.satisfaction.${survey.resultSatisfaction}`)}</dd>
        </>
      ) : null}
      <dt>{t("sc.answers.process")}</dt>
      <dd>{t(`sc.satisfaction.${survey.processSatisfaction}`)}</dd>
      {survey.reasonable !== null ? (
        <>
          <dt>{t("sc.answers.reasonable")}</dt>
          <dd>{survey.reasonable ? t("sc.yes") : t("sc.no")}</dd>
        </>
      ) : null}
      <dt>{t("sc.col.comment")}</dt>
      <dd className="proposal-text">{proposal.comment ?? "—"}</dd>
      <dt>{t("sc.detail.answeredAt")}</dt>
      <dd>
        <time dateTime={survey.answeredAt}>{format.dateTime(survey.answeredAt)}</time> · {t(`sc.channel.${survey.channel}`)}
        {survey.recordedBy ? ` · ${survey.recordedBy}` : ""}
      </dd>
    </dl>
  );
}
