import { StatusBadge, useFormat, useLanguage } from "@civicline/ui";
import type { CallbackTaskDetailFragment } from "../gql/graphql.ts";
import { useCallbackT } from "./messages.ts";

/** The ticket as the agent needs it on the phone: number, what was asked, who, and the number to call. */
export function TicketSummary({ task }: { task: CallbackTaskDetailFragment }) {
  const t = useCallbackT();
  const format = useFormat();
  const { ticket } = task;
  const location = [format.name(ticket.district), ticket.township ? format.name(ticket.township) : null, ticket.address || null].filter(Boolean).join(" · ");
  return (
    <section className="card callback-section" aria-labelledby="cb-ticket-title" data-testid="callback-ticket">
      <h2 id="cb-ticket-title">{t("cb.task.ticket")}</h2>
      <dl className="details">
        <dt>{t("cb.field.trackingNumber")}</dt>
        <dd className="mono" data-testid="callback-tracking-number">
          {ticket.trackingNumber}
        </dd>
        <dt>{t("cb.field.category")}</dt>
        <dd>{format.name(ticket.category)}</dd>
        <dt>{t("cb.field.requestType")}</dt>
        <dd>{format.requestType(ticket.requestType)}</dd>
        <dt>{t("cb.field.citizen")}</dt>
        <dd data-testid="callback-citizen">{ticket.citizenName}</dd>
        <dt>{t("cb.field.phone")}</dt>
        <dd>
          <a className="callback-phone" href={`tel:${ticket.citizenPhone}`} data-testid="callback-phone" aria-label={t("cb.call", { phone: ticket.citizenPhone })}>
            {ticket.citizenPhone}
          </a>
        </dd>
        <dt>{t("cb.field.location")}</dt>
        <dd>{location}</dd>
        <dt>{t("cb.field.receivedAt")}</dt>
        <dd>
          <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
        </dd>
        <dt>{t("cb.field.status")}</dt>
        <dd>
          <StatusBadge status={ticket.status} />
        </dd>
        <dt>{t("cb.field.description")}</dt>
        <dd className="detail-panel__description">{ticket.description}</dd>
      </dl>
    </section>
  );
}

/** The lead unit's reply (a reply's callback) or the answer given at intake (a direct-answer survey). */
export function ReplySummary({ task }: { task: CallbackTaskDetailFragment }) {
  const t = useCallbackT();
  const format = useFormat();
  const { reply } = task;
  if (!reply) {
    return task.ticket.directAnswer ? (
      <section className="card callback-section" aria-labelledby="cb-reply-title" data-testid="callback-reply">
        <h2 id="cb-reply-title">{t("cb.task.directAnswer")}</h2>
        <p className="detail-panel__description">{task.ticket.directAnswer}</p>
      </section>
    ) : null;
  }
  return (
    <section className="card callback-section" aria-labelledby="cb-reply-title" data-testid="callback-reply">
      <h2 id="cb-reply-title">{t("cb.task.reply")}</h2>
      <dl className="details">
        <dt>{t("cb.field.unit")}</dt>
        <dd>{format.name({ nameZh: reply.unitNameZh, nameEn: reply.unitNameEn })}</dd>
        <dt>{t("cb.field.outcome")}</dt>
        <dd>{t(`rt.ReplyOutcome.${reply.outcome}`)}</dd>
        <dt>{t("cb.field.repliedAt")}</dt>
        <dd>
          <time dateTime={reply.repliedAt}>{format.dateTime(reply.repliedAt)}</time>
          {reply.repliedBy ? ` · ${reply.repliedBy}` : ""}
        </dd>
        <dt>{t("cb.field.replyText")}</dt>
        <dd className="detail-panel__description" data-testid="callback-reply-text">
          {reply.text}
        </dd>
      </dl>
    </section>
  );
}

/** What to say, in the UI language; the other language folded away. */
export function ScriptCard({ task }: { task: CallbackTaskDetailFragment }) {
  const t = useCallbackT();
  const { language } = useLanguage();
  const [main, other] = language === "zh-CN" ? [task.script.zh, task.script.en] : [task.script.en, task.script.zh];
  return (
    <section className="card callback-section callback-script" aria-labelledby="cb-script-title" data-testid="callback-script">
      <h2 id="cb-script-title">{t("cb.task.script")}</h2>
      <p className="callback-script__text" lang={language}>
        {main}
      </p>
      <details>
        <summary>{t("cb.task.scriptOther")}</summary>
        <p className="callback-script__text" lang={language === "zh-CN" ? "en" : "zh-CN"}>
          {other}
        </p>
      </details>
    </section>
  );
}

/** Calls made so far, oldest first. */
export function AttemptList({ task }: { task: CallbackTaskDetailFragment }) {
  const t = useCallbackT();
  const format = useFormat();
  return (
    <section className="card callback-section" aria-labelledby="cb-attempts-title">
      <h2 id="cb-attempts-title">
        {t("cb.task.attempts")} <span className="muted">({t("cb.row.attempts", { count: task.attemptCount, max: task.maxTries })})</span>
      </h2>
      {task.attempts.length === 0 ? (
        <p className="muted">{t("cb.task.noAttempts")}</p>
      ) : (
        <ol className="detail-list" data-testid="callback-attempts">
          {task.attempts.map((attempt) => (
            <li key={attempt.at} data-testid="callback-attempt">
              <span className={attempt.reached ? "badge badge--done" : "badge badge--warning"}>{attempt.reached ? t("cb.attempt.reached") : t("cb.attempt.notReached")}</span>{" "}
              <time dateTime={attempt.at}>{format.dateTime(attempt.at)}</time> · {attempt.agentName}
              {attempt.note ? <p className="detail-list__note">{attempt.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The answers once given (by phone or online). */
export function SurveyAnswers({ task }: { task: CallbackTaskDetailFragment }) {
  const t = useCallbackT();
  const format = useFormat();
  const { survey } = task;
  if (!survey) {
    return null;
  }
  return (
    <section className="card callback-section" aria-labelledby="cb-answers-title" data-testid="callback-answers">
      <h2 id="cb-answers-title">{t("cb.task.answers")}</h2>
      <dl className="details">
        {survey.resolution ? (
          <>
            <dt>{t("cb.form.resolution")}</dt>
            <dd>{t(`cb.resolution.${survey.resolution}`)}</dd>
          </>
        ) : null}
        {survey.resultSatisfaction ? (
          <>
            <dt>{t("cb.form.resultSatisfaction")}</dt>
            <dd>{t(`cb.satisfaction.${survey.resultSatisfaction}`)}</dd>
          </>
        ) : null}
        <dt>{t("cb.form.processSatisfaction")}</dt>
        <dd>{t(`cb.satisfaction.${survey.processSatisfaction}`)}</dd>
        {survey.reasonable !== null ? (
          <>
            <dt>{t("cb.form.reasonable")}</dt>
            <dd>{survey.reasonable ? t("cb.reasonable.yes") : t("cb.reasonable.no")}</dd>
          </>
        ) : null}
        {survey.comment ? (
          <>
            <dt>{t("cb.form.comment")}</dt>
            <dd className="detail-panel__description">{survey.comment}</dd>
          </>
        ) : null}
        <dt>{t("cb.field.answeredAt")}</dt>
        <dd>
          <time dateTime={survey.answeredAt}>{format.dateTime(survey.answeredAt)}</time>
          {survey.recordedBy ? ` · ${survey.recordedBy}` : ""}
        </dd>
      </dl>
    </section>
  );
}
