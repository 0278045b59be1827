import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea, useFormat, useLanguage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { AppealQaScoreDocument, type MyQaInspectionFieldsFragment } from "../gql/graphql.ts";
import { useMyQaErrorMessage, useMyQaT } from "./messages.ts";

const total = (value: number) => String(Math.round(value * 100) / 100);

/** One scored call of the call-taker: the score in force with its criteria and comments, its versions, and the appeal. */
export function MyQaResult({ inspection }: { inspection: MyQaInspectionFieldsFragment }) {
  const t = useMyQaT();
  const format = useFormat();
  const { language } = useLanguage();
  const label = (item: { label: string; labelEn?: string | null }) => (language === "en" && item.labelEn ? item.labelEn : item.label);
  const score = inspection.score;
  const headingId = `my-qa-${inspection.id}`;
  return (
    <article className="card my-qa__item" aria-labelledby={headingId} data-testid="my-qa-result" data-inspection={inspection.id}>
      <header className="my-qa__header">
        <h2 id={headingId}>{t("mq.call", { at: format.dateTime(inspection.callStartedAt) })}</h2>
        <p className="my-qa__total">
          {t("mq.total")} <strong data-testid="my-qa-total">{t("mq.totalValue", { total: total(score.total) })}</strong>{" "}
          <span className="badge badge--muted" data-testid="my-qa-state">
            {format.enumValue("QaInspectionState", inspection.state)}
          </span>
        </p>
      </header>
      <p className="my-qa__muted">
        {t("mq.form", {
          name: format.name({ nameZh: inspection.formVersion.formName, nameEn: inspection.formVersion.formNameEn }),
          version: inspection.formVersion.version,
          name2: score.scoredByName,
          at: format.dateTime(score.scoredAt),
        })}
      </p>
      {score.critical ? (
        <p className="my-qa__critical" data-testid="my-qa-critical">
          {t("mq.critical", { errors: score.criticalErrors.map(label).join("; ") })}
        </p>
      ) : null}
      <div className="table-scroll" role="region" aria-label={t("mq.caption")} tabIndex={0}>
        <table className="data-table my-qa__table">
          <caption className="visually-hidden">{t("mq.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mq.col.criterion")}</th>
              <th scope="col">{t("mq.col.points")}</th>
              <th scope="col">{t("mq.col.deductions")}</th>
              <th scope="col">{t("mq.col.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {score.criteria.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row">{label(criterion)}</th>
                <td className="my-qa__num">
                  {criterion.score} / {criterion.weight}
                </td>
                <td className="my-qa__wrap">{criterion.deductions.map((deduction) => t("mq.deduction", { label: label(deduction), points: deduction.points })).join("; ") || "—"}</td>
                <td className="my-qa__wrap" data-testid="my-qa-criterion-comment">
                  {criterion.comment ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {score.comment ? (
        <p className="my-qa__pre" data-testid="my-qa-comment">
          <strong>{t("mq.comment")}</strong> {score.comment}
        </p>
      ) : null}
      {inspection.scores.length > 1 ? (
        <div data-testid="my-qa-versions">
          <h3>{t("mq.history")}</h3>
          <ul>
            {inspection.scores.map((version) => (
              <li key={version.id}>
                {t("mq.history.item", { version: version.version, reason: format.enumValue("QaScoreReason", version.reason), total: total(version.total), at: format.dateTime(version.scoredAt) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <AppealPart inspection={inspection} />
    </article>
  );
}

function AppealPart({ inspection }: { inspection: MyQaInspectionFieldsFragment }) {
  const t = useMyQaT();
  const format = useFormat();
  const errorMessage = useMyQaErrorMessage();
  const [appeal, appealing] = useMutation(AppealQaScoreDocument);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const [open, setOpen] = useState(false);
  if (inspection.appeal) {
    const decided = inspection.appeal.decidedAt;
    return (
      <div className="my-qa__appeal" data-testid="my-qa-appeal">
        {sent ? <Alert tone="success" testId="my-qa-appeal-sent">{t("mq.appeal.sent")}</Alert> : null}
        <p>
          <strong data-testid="my-qa-appeal-state">{t("mq.appeal.state", { state: format.enumValue("QaAppealState", inspection.appeal.state) })}</strong>
        </p>
        <p className="my-qa__pre">
          <strong>{t("mq.appeal.yourReason")}</strong> {inspection.appeal.reason}
        </p>
        {decided ? (
          <p className="my-qa__pre" data-testid="my-qa-appeal-decision">
            {t("mq.appeal.decision", { name: inspection.appeal.decidedByName ?? "—", at: format.dateTime(decided) })}
            {inspection.appeal.decisionNote ? ` — ${t("mq.appeal.note")}${inspection.appeal.decisionNote}` : ""}
          </p>
        ) : null}
      </div>
    );
  }
  if (!inspection.canAppeal) {
    return <p className="my-qa__muted">{t("mq.appeal.closed", { at: format.dateTime(inspection.appealDeadline) })}</p>;
  }
  if (!open) {
    return (
      <p className="my-qa__appeal">
        <span className="my-qa__muted">{t("mq.appeal.until", { at: format.dateTime(inspection.appealDeadline) })}</span>{" "}
        <Button variant="secondary" aria-expanded={false} onClick={() => setOpen(true)} data-testid="my-qa-appeal-open">
          {t("mq.appeal.open")}
        </Button>
      </p>
    );
  }
  const missing = reason.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) {
      return;
    }
    void appeal({ variables: { inspectionId: inspection.id, reason: reason.trim() } })
      .then(() => setSent(true))
      .catch(() => undefined);
  };
  return (
    <form className="my-qa__appeal" onSubmit={submit} noValidate aria-label={t("mq.appeal.title")} data-testid="my-qa-appeal-form">
      <h3>{t("mq.appeal.title")}</h3>
      <p className="my-qa__muted">{t("mq.appeal.until", { at: format.dateTime(inspection.appealDeadline) })}</p>
      <Field label={t("mq.appeal.reason")} hint={t("mq.appeal.reasonHint")} error={tried && missing ? t("mq.appeal.required") : undefined}>
        <TextArea rows={3} maxChars={1000} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus data-testid="my-qa-appeal-reason" />
      </Field>
      {appealing.error ? <Alert testId="my-qa-appeal-error">{errorMessage(appealing.error)}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={appealing.loading} data-testid="my-qa-appeal-submit">
          {t("mq.appeal.submit")}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("mq.appeal.cancel")}
        </Button>
      </div>
    </form>
  );
}
