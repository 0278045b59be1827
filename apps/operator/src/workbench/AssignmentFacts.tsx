import { DeadlineCountdown, formatWorkingDays, StatusBadge, UrgencyBadge, useFormat, useLanguage } from "@civicline/ui";
import type { AssignmentDetailFragment } from "../gql/graphql.ts";
import { CitizenPhone } from "./CitizenPhone.tsx";
import { useWorkbenchT } from "./messages.ts";

type Props = { assignment: AssignmentDetailFragment };

function fileHref(file: { id: string; url: string }): string {
  return file.url || `/files/${encodeURIComponent(file.id)}`;
}

/** The request as the API shows it to the unit: identity fields may be masked or hidden by privacy. */
export function TicketFacts({ assignment, unitId = null }: Props & { unitId?: string | null }) {
  const t = useWorkbenchT();
  const format = useFormat();
  const { language } = useLanguage();
  const { ticket } = assignment;
  const hidden = <span className="muted">{t("wb.field.hidden")}</span>;
  const fieldLabel = (key: string) => {
    const field = ticket.category.fields.find((candidate) => candidate.key === key);
    return field ? (language === "en" ? field.labelEn || field.labelZh : field.labelZh) : key;
  };
  return (
    <section aria-labelledby="wb-ticket-heading">
      <h3 id="wb-ticket-heading">{t("wb.detail.ticket")}</h3>
      {ticket.privacy !== "NONE" ? (
        <p className="privacy-note" data-testid="privacy-note">
          {t(`wb.privacy.${ticket.privacy}`)}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t("wb.field.status")}</dt>
        <dd>
          <StatusBadge status={ticket.status} />
        </dd>
        <dt>{t("wb.field.urgency")}</dt>
        <dd>
          <UrgencyBadge urgency={ticket.urgency} />
        </dd>
        <dt>{t("wb.field.requestType")}</dt>
        <dd>{format.requestType(ticket.requestType)}</dd>
        <dt>{t("wb.field.category")}</dt>
        <dd>{format.name(ticket.category)}</dd>
        <dt>{t("wb.field.channel")}</dt>
        <dd>{format.channel(ticket.channel)}</dd>
        <dt>{t("wb.field.receivedAt")}</dt>
        <dd>
          <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
        </dd>
        <dt>{t("wb.field.location")}</dt>
        <dd>{[ticket.district, ticket.township].flatMap((area) => (area ? [format.name(area)] : [])).join(" · ")}</dd>
        <dt>{t("wb.field.address")}</dt>
        <dd>{ticket.address}</dd>
        <dt>{t("wb.field.citizen")}</dt>
        <dd data-testid="wb-citizen">{ticket.citizenName}</dd>
        <dt>{t("wb.field.phone")}</dt>
        <dd className="mono" data-testid="wb-phone">
          {ticket.citizenPhone ? (
            <CitizenPhone
              ticketId={ticket.id}
              phone={ticket.citizenPhone}
              canReveal={ticket.privacy === "NONE" && unitId !== null && unitId === assignment.leadUnit.id && assignment.state !== "RETURNED"}
            />
          ) : (
            hidden
          )}
        </dd>
        {ticket.citizenEmail ? (
          <>
            <dt>{t("wb.field.email")}</dt>
            <dd>{ticket.citizenEmail}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t("wb.field.description")}</h4>
      <p className="detail-panel__description">{ticket.description}</p>
      {ticket.extraFields.length > 0 ? (
        <>
          <h4>{t("wb.field.extraFields")}</h4>
          <dl className="details">
            {ticket.extraFields.map((entry) => (
              <div key={entry.key} className="details__pair">
                <dt>{fieldLabel(entry.key)}</dt>
                <dd>{entry.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {ticket.attachments.length > 0 ? (
        <>
          <h4>{t("wb.field.attachments")}</h4>
          <ul className="plain-list detail-list">
            {ticket.attachments.map((file) => (
              <li key={file.id}>
                <a href={fileHref(file)} target="_blank" rel="noreferrer">
                  {file.filename}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Dispatch, sign-for and completion deadlines, the time left, and the extension's state. */
export function DeadlineFacts({ assignment }: Props) {
  const t = useWorkbenchT();
  const format = useFormat();
  const { deadlines, extension, signedForAt } = assignment;
  const time = (iso: string | null, testId?: string) =>
    iso ? (
      <time dateTime={iso} data-testid={testId}>
        {format.dateTime(iso)}
      </time>
    ) : (
      "—"
    );
  return (
    <section aria-labelledby="wb-deadlines-heading">
      <h3 id="wb-deadlines-heading">{t("wb.detail.deadlines")}</h3>
      <dl className="details">
        {deadlines.signForDueAt ? (
          <>
            <dt>{t("wb.deadline.signFor")}</dt>
            <dd>
              {time(deadlines.signForDueAt)}
              {signedForAt ? <span className="muted"> · {t("wb.deadline.signedAt", { at: format.dateTime(signedForAt) })}</span> : null}
            </dd>
          </>
        ) : null}
        {deadlines.nearDueAt && !assignment.reply ? (
          <>
            <dt>{t("wb.deadline.nearDue")}</dt>
            <dd>{time(deadlines.nearDueAt)}</dd>
          </>
        ) : null}
        <dt>{t("wb.deadline.completion")}</dt>
        <dd>{time(deadlines.completionDueAt, "deadline-completion")}</dd>
        <dt>{t("wb.deadline.timeLeft")}</dt>
        <dd>
          {assignment.reply ? (
            <span className="badge badge--done">{t("wb.flag.replied")}</span>
          ) : (
            <DeadlineCountdown dueAt={deadlines.completionDueAt} state={deadlines.state} workingMinutesLeft={deadlines.workingMinutesLeft} testId="deadline-countdown" />
          )}
        </dd>
      </dl>
      {extension ? (
        <p data-testid="extension-state">
          {t("wb.extension.line", {
            days: formatWorkingDays(extension.workingDays, t),
            at: format.dateTime(extension.requestedAt),
            status: t(`rt.ExtensionStatus.${extension.status}`),
          })}
          {extension.decisionNote ? ` ${t("wb.extension.note", { note: extension.decisionNote })}` : null}
        </p>
      ) : null}
    </section>
  );
}

/** The lead unit, the assisting units, and who dispatched the ticket when. */
export function UnitFacts({ assignment }: Props) {
  const t = useWorkbenchT();
  const format = useFormat();
  return (
    <section aria-labelledby="wb-units-heading">
      <h3 id="wb-units-heading">{t("wb.detail.units")}</h3>
      <dl className="details">
        <dt>{t("wb.units.lead")}</dt>
        <dd>{format.name(assignment.leadUnit)}</dd>
        <dt>{t("wb.units.assisting")}</dt>
        <dd>{assignment.assistingUnits.length > 0 ? assignment.assistingUnits.map(format.name).join("、") : t("wb.units.none")}</dd>
      </dl>
      <p className="muted">{t("wb.units.dispatched", { at: format.dateTime(assignment.dispatchedAt), name: assignment.dispatchedByKind === "STAFF" ? assignment.dispatchedBy : format.enumValue("HistoryActorKind", assignment.dispatchedByKind) })}</p>
      {assignment.dispatchNote ? <p data-testid="dispatch-note">{t("wb.units.dispatchNote", { note: assignment.dispatchNote })}</p> : null}
    </section>
  );
}
