import { useQuery } from "@apollo/client/react";
import { useCallback, type ComponentType, type ReactNode } from "react";
import { Button } from "../components/Button.tsx";
import { Alert, EmptyState, Loading, StatusBadge, UrgencyBadge } from "../components/Feedback.tsx";
import { errorCode } from "../errors.ts";
import { interpolate, lookup, type Catalog, type MessageVars } from "../i18n/catalog.ts";
import { enumLabelOf, historyActorText, historyNoteText } from "../i18n/enumLabels.ts";
import { useFormat, useLanguage, type Translate } from "../i18n/I18nProvider.tsx";
import { uiMessages } from "../i18n/messages.ts";
import { AppLink } from "../knowledge/navigation.tsx";
import { DeadlineCountdown } from "../routing/DeadlineCountdown.tsx";
import { ticketPageMessages, type TicketPageMessageKey } from "./messages.ts";
import type { DossierAssignment, DossierTicket, DossierTimelineEntry, TicketDossierData, TicketDossierDocument } from "./types.ts";

const CATALOGS: readonly Catalog<string>[] = [ticketPageMessages, uiMessages];

/** `t()` for the ticket page (its own wording, then the shared UI wording). */
export function useTicketPageT(): Translate<TicketPageMessageKey> {
  const { language } = useLanguage();
  return useCallback((key: string, vars?: MessageVars) => interpolate(lookup(CATALOGS, language, key), vars), [language]);
}

/** What an extra panel of the ticket page receives. */
export type TicketPagePanelProps = {
  ticketId: string;
  trackingNumber: string;
  roles: readonly string[];
  onChanged: () => void;
};
export type TicketPagePanel = { key: string; Component: ComponentType<TicketPagePanelProps> };

export type TicketPageProps = {
  trackingNumber: string;
  /** The app's generated TicketDossier operation. */
  document: TicketDossierDocument;
  /** The viewer's roles, handed to the panels. */
  roles: readonly string[];
  /** Features' panels, rendered after the page's own sections. */
  panels?: readonly TicketPagePanel[];
};

/** A ticket as its own page, `tickets/<tracking number>`: everything about it, as the viewer may see it. */
export function TicketPage({ trackingNumber, document, roles, panels = [] }: TicketPageProps) {
  const t = useTicketPageT();
  const { data, loading, error, refetch } = useQuery(document, { variables: { trackingNumber }, fetchPolicy: "cache-and-network" });
  const reload = useCallback(() => void refetch(), [refetch]);
  const dossier = data?.ticketDossier;
  if (!dossier && loading) {
    return <Loading label={t("tp.loading")} />;
  }
  if (!dossier) {
    const code = errorCode(error);
    if (code === "SUPERVISION/TICKET_NOT_FOUND" || code === "FORBIDDEN") {
      return (
        <section className="ticket-page ticket-page--missing" data-testid="ticket-not-found">
          <h1 tabIndex={-1}>{t("tp.notFound.title", { number: trackingNumber })}</h1>
          <EmptyState title={t("tp.notFound.check")} action={<AppLink to="">{t("tp.notFound.home")}</AppLink>}>
            {t("tp.notFound.body")}
          </EmptyState>
        </section>
      );
    }
    return (
      <section className="ticket-page">
        <h1 tabIndex={-1}>{t("tp.title", { number: trackingNumber })}</h1>
        <Alert testId="ticket-load-failed">
          {t("tp.loadFailed")} <Button onClick={reload}>{t("tp.retry")}</Button>
        </Alert>
      </section>
    );
  }
  return <TicketDossierView dossier={dossier} roles={roles} panels={panels} onChanged={reload} />;
}

/** The page itself, for a loaded dossier (also used by tests). */
export function TicketDossierView({ dossier, roles, panels = [], onChanged }: { dossier: TicketDossierData; roles: readonly string[]; panels?: readonly TicketPagePanel[]; onChanged: () => void }) {
  const t = useTicketPageT();
  const { ticket } = dossier;
  return (
    <article className="ticket-page" data-testid="ticket-page" aria-labelledby="ticket-page-title">
      <TicketHeader dossier={dossier} />
      <div className="ticket-page__grid">
        <div className="ticket-page__main">
          <RequestPanel dossier={dossier} />
          <CallerPanel ticket={ticket} />
          <AssignmentsPanel assignments={dossier.assignments} />
          <LinksPanel ticket={ticket} />
          <ReReportsPanel dossier={dossier} />
          {panels.length > 0 ? (
            <div className="ticket-page__panels" aria-label={t("tp.panels")} role="group">
              {panels.map(({ key, Component }) => (
                <Component key={key} ticketId={ticket.id} trackingNumber={ticket.trackingNumber} roles={roles} onChanged={onChanged} />
              ))}
            </div>
          ) : null}
        </div>
        <TimelinePanel entries={dossier.timeline} />
      </div>
    </article>
  );
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="card ticket-page__section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Pair({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__pair">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useName() {
  const { language } = useLanguage();
  return useCallback((item: { nameZh: string; nameEn?: string | null } | null | undefined) => (item ? (language === "en" && item.nameEn ? item.nameEn : item.nameZh) : ""), [language]);
}

function TicketHeader({ dossier }: { dossier: TicketDossierData }) {
  const t = useTicketPageT();
  const format = useFormat();
  const { language } = useLanguage();
  const { ticket } = dossier;
  const current = dossier.assignments[dossier.assignments.length - 1];
  const open = current && (current.state === "DISPATCHED" || current.state === "SIGNED_FOR" || current.state === "RETURN_REQUESTED");
  return (
    <header className="ticket-page__header">
      <div className="ticket-page__heading">
        <h1 id="ticket-page-title" tabIndex={-1}>
          {t("tp.title", { number: ticket.trackingNumber })}
        </h1>
        <StatusBadge status={ticket.status} />
        <UrgencyBadge urgency={ticket.urgency} />
        <span className="muted">{t("tp.received", { at: format.dateTime(ticket.receivedAt) })}</span>
      </div>
      <dl className="ticket-page__deadlines" data-testid="ticket-deadlines">
        {current ? (
          <>
            {open && !current.signedForAt ? (
              <Pair label={t("tp.deadline.signFor")}>
                <DeadlineCountdown dueAt={current.deadlines.signForDueAt} state={signForState(current)} testId="deadline-sign-for" />
              </Pair>
            ) : null}
            <Pair label={t("tp.deadline.completion")}>
              {open ? (
                <DeadlineCountdown dueAt={current.deadlines.completionDueAt} state={current.deadlines.state} workingMinutesLeft={current.deadlines.workingMinutesLeft} testId="deadline-completion" />
              ) : (
                <span className={`badge badge--${current.deadlines.state === "OVERDUE" ? "danger" : "done"}`} data-testid="deadline-completion" data-state={current.deadlines.state}>
                  {t(current.deadlines.state === "OVERDUE" ? "tp.deadline.endedLate" : "tp.deadline.endedOnTime", { state: enumLabelOf(language, "AssignmentState", current.state) })}
                </span>
              )}
            </Pair>
          </>
        ) : (
          <Pair label={t("tp.deadline.completion")}>{t("tp.deadline.none")}</Pair>
        )}
      </dl>
    </header>
  );
}

/** The sign-for deadline's state from its time (the server judges the completion deadline only). */
function signForState(assignment: DossierAssignment): string {
  const due = assignment.deadlines.signForDueAt ? Date.parse(assignment.deadlines.signForDueAt) : NaN;
  if (Number.isNaN(due)) {
    return "ON_TIME";
  }
  return due < Date.now() ? "OVERDUE" : "ON_TIME";
}

function RequestPanel({ dossier }: { dossier: TicketDossierData }) {
  const t = useTicketPageT();
  const format = useFormat();
  const name = useName();
  const { language } = useLanguage();
  const { ticket } = dossier;
  const fieldLabel = (key: string) => {
    const field = ticket.category.fields.find((candidate) => candidate.key === key);
    return field ? (language === "en" ? field.labelEn : field.labelZh) : key;
  };
  const path = dossier.categoryPath.length > 0 ? dossier.categoryPath : [ticket.category];
  return (
    <Section id="tp-request" title={t("tp.section.request")} testId="ticket-request">
      <dl className="details ticket-page__details">
        <Pair label={t("tp.field.requestType")}>{format.requestType(ticket.requestType)}</Pair>
        <Pair label={t("tp.field.channel")}>{format.channel(ticket.channel)}</Pair>
        <Pair label={t("tp.field.category")}>{path.map((category) => name(category)).join(" › ")}</Pair>
        <Pair label={t("tp.field.place")}>{[name(ticket.district), name(ticket.township)].filter(Boolean).join(" · ")}</Pair>
        <Pair label={t("tp.field.address")}>{ticket.address}</Pair>
        {ticket.title ? <Pair label={t("tp.field.title")}>{ticket.title}</Pair> : null}
        {ticket.extraFields.map((field) => (
          <Pair key={field.key} label={fieldLabel(field.key)}>
            {field.value}
          </Pair>
        ))}
      </dl>
      <h3 className="ticket-page__label">{t("tp.field.description")}</h3>
      <p className="ticket-page__description">{ticket.description}</p>
      {ticket.directAnswer ? (
        <>
          <h3 className="ticket-page__label">{t("tp.field.directAnswer")}</h3>
          <p className="ticket-page__description">{ticket.directAnswer}</p>
        </>
      ) : null}
      {ticket.attachments.length > 0 ? (
        <>
          <h3 className="ticket-page__label">{t("tp.field.attachments")}</h3>
          <ul className="ticket-page__list">
            {ticket.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url} target="_blank" rel="noreferrer">
                  {file.filename}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ticket.emergencyHandoffs.length > 0 ? (
        <>
          <h3 className="ticket-page__label">{t("tp.field.handoffs")}</h3>
          <ul className="ticket-page__list">
            {ticket.emergencyHandoffs.map((handoff) => (
              <li key={`${handoff.service}-${handoff.handedOffAt}`}>
                {enumLabelOf(language, "EmergencyService", handoff.service)} · {handoff.reference} · {format.dateTime(handoff.handedOffAt)} · {handoff.handedOffBy}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function CallerPanel({ ticket }: { ticket: DossierTicket }) {
  const t = useTicketPageT();
  const { language } = useLanguage();
  const hidden = <span className="muted">{t("tp.hidden")}</span>;
  const identityHidden = ticket.privacy !== "NONE" && !ticket.citizenPhone;
  return (
    <Section id="tp-caller" title={t("tp.section.caller")} testId="ticket-caller">
      <dl className="details ticket-page__details">
        <Pair label={t("tp.field.name")}>{ticket.citizenName}</Pair>
        <Pair label={t("tp.field.phone")}>
          {identityHidden ? hidden : <span className="mono" data-testid="caller-phone">{ticket.citizenPhone}</span>}
        </Pair>
        {ticket.citizenEmail ? <Pair label={t("tp.field.email")}>{ticket.citizenEmail}</Pair> : null}
        {ticket.citizenIdNumber ? <Pair label={t("tp.field.idNumber")}>{ticket.citizenIdNumber}</Pair> : null}
        <Pair label={t("tp.field.privacy")}>{enumLabelOf(language, "Privacy", ticket.privacy)}</Pair>
      </dl>
    </Section>
  );
}

function AssignmentsPanel({ assignments }: { assignments: readonly DossierAssignment[] }) {
  const t = useTicketPageT();
  return (
    <Section id="tp-assignments" title={t("tp.section.assignments")} testId="ticket-assignments">
      {assignments.length === 0 ? (
        <EmptyState title={t("tp.assignments.empty.title")}>{t("tp.assignments.empty.body")}</EmptyState>
      ) : (
        <ol className="ticket-page__list ticket-page__assignments">
          {assignments.map((assignment, index) => (
            <AssignmentItem key={assignment.id} assignment={assignment} n={index + 1} current={index === assignments.length - 1} />
          ))}
        </ol>
      )}
    </Section>
  );
}

function AssignmentItem({ assignment, n, current }: { assignment: DossierAssignment; n: number; current: boolean }) {
  const t = useTicketPageT();
  const format = useFormat();
  const name = useName();
  const { language } = useLanguage();
  const { deadlines } = assignment;
  return (
    <li className="ticket-page__assignment" data-testid="ticket-assignment">
      <h3>
        {t("tp.assignment.heading", { n, unit: name(assignment.leadUnit) })}
        {current ? <span className="badge badge--active ticket-page__current">{t("tp.assignment.current")}</span> : null}
      </h3>
      <dl className="details ticket-page__details">
        <Pair label={t("tp.assignment.state")}>{enumLabelOf(language, "AssignmentState", assignment.state)}</Pair>
        {assignment.assistingUnits.length > 0 ? <Pair label={t("tp.assignment.assisting")}>{assignment.assistingUnits.map((unit) => name(unit)).join("、")}</Pair> : null}
        <Pair label={t("tp.assignment.dispatched")}>{t("tp.assignment.dispatchedBy", { at: format.dateTime(assignment.dispatchedAt), name: assignment.dispatchedBy })}</Pair>
        {assignment.dispatchNote ? <Pair label={t("tp.assignment.note")}><span className="ticket-page__pre">{assignment.dispatchNote}</span></Pair> : null}
        <Pair label={t("tp.assignment.signedFor")}>{assignment.signedForAt ? format.dateTime(assignment.signedForAt) : t("tp.assignment.notSigned")}</Pair>
        <Pair label={t("tp.assignment.deadlines")}>
          <span className="ticket-page__deadline-list">
            {deadlines.signForDueAt ? <span>{t("tp.assignment.signForDue", { at: format.dateTime(deadlines.signForDueAt) })}</span> : null}
            {deadlines.completionDueAt ? <span>{t("tp.assignment.completionDue", { at: format.dateTime(deadlines.completionDueAt) })}</span> : null}
            <span className={`badge badge--${deadlines.state === "OVERDUE" ? "danger" : deadlines.state === "NEAR_DUE" ? "warning" : "muted"}`}>{enumLabelOf(language, "DeadlineState", deadlines.state)}</span>
          </span>
        </Pair>
        {assignment.reply ? (
          <Pair label={t("tp.assignment.reply")}>
            <span className="ticket-page__muted-line">
              {t("tp.assignment.replyBy", { outcome: enumLabelOf(language, "ReplyOutcome", assignment.reply.outcome), at: format.dateTime(assignment.reply.at), name: assignment.reply.author })}
            </span>
            <span className="ticket-page__pre">{assignment.reply.text}</span>
          </Pair>
        ) : null}
        {assignment.extension ? (
          <Pair label={t("tp.assignment.extension")}>
            {t("tp.assignment.extensionText", {
              status: enumLabelOf(language, "ExtensionStatus", assignment.extension.status),
              days: assignment.extension.workingDays,
              name: assignment.extension.requestedBy,
              reason: assignment.extension.reason,
            })}
          </Pair>
        ) : null}
        {assignment.assists.length > 0 ? (
          <Pair label={t("tp.assignment.assists")}>
            <ul className="ticket-page__list">
              {assignment.assists.map((assist) => (
                <li key={assist.unit.id}>
                  {name(assist.unit)}: {assist.text ?? <span className="muted">{t("tp.assignment.assistPending")}</span>}
                </li>
              ))}
            </ul>
          </Pair>
        ) : null}
      </dl>
    </li>
  );
}

/** The title of a timeline entry in the viewer's language: the status reached, the history kind, or the step. */
function entryTitle(language: "en" | "zh-CN", entry: DossierTimelineEntry): string {
  if (entry.kind === "HISTORY") {
    return !entry.historyKind || entry.historyKind === "STATUS"
      ? enumLabelOf(language, "TicketStatus", entry.toStatus ?? "")
      : enumLabelOf(language, "TicketHistoryKind", entry.historyKind);
  }
  return enumLabelOf(language, "TimelineKind", entry.kind);
}

function TimelinePanel({ entries }: { entries: readonly DossierTimelineEntry[] }) {
  const t = useTicketPageT();
  const format = useFormat();
  const { language } = useLanguage();
  const unitName = (entry: DossierTimelineEntry) => (language === "en" && entry.unitNameEn ? entry.unitNameEn : entry.unitNameZh);
  return (
    <Section id="tp-timeline" title={t("tp.section.timeline")} testId="ticket-timeline">
      {entries.length === 0 ? (
        <p className="timeline-empty">{t("tp.timeline.empty")}</p>
      ) : (
        <ol className="ticket-timeline" aria-labelledby="tp-timeline">
          {entries.map((entry) => {
            const actor = entry.kind === "HISTORY" ? historyActorText(language, entry) : entry.actorName;
            const note = entry.kind === "HISTORY" ? historyNoteText(language, { reason: entry.text, noteCode: entry.noteCode, noteParams: entry.noteParams }) : entry.text;
            const detail =
              entry.kind === "EXTENSION_REQUESTED" && entry.detailValue
                ? t("tp.timeline.days", { days: entry.detailValue })
                : entry.detailEnum && entry.detailValue
                  ? enumLabelOf(language, entry.detailEnum, entry.detailValue)
                  : null;
            return (
              <li key={entry.id} className={`ticket-timeline__item ticket-timeline__item--${entry.kind.toLowerCase()}`} data-kind={entry.kind} data-testid="timeline-entry">
                <span className="ticket-timeline__dot" aria-hidden="true" />
                <div className="ticket-timeline__body">
                  <p className="ticket-timeline__title">
                    <strong>{entryTitle(language, entry)}</strong>
                    {detail ? <span className="badge badge--muted">{detail}</span> : null}
                  </p>
                  <p className="ticket-timeline__meta">
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                    {actor ? <span> · {actor}</span> : null}
                    {unitName(entry) ? <span> · {unitName(entry)}</span> : null}
                    {entry.isPublic && entry.kind !== "HISTORY" ? <span> · {t("tp.timeline.public")}</span> : null}
                  </p>
                  {note ? <p className="ticket-timeline__note">{note}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/** "Open the ticket page" for a ticket shown in a side panel (queue, workbench). */
export function TicketPageLink({ trackingNumber }: { trackingNumber: string }) {
  const t = useTicketPageT();
  return (
    <p className="ticket-page-link">
      <AppLink to={`tickets/${trackingNumber}`} data-testid="open-ticket-page">
        {t("tp.open", { number: trackingNumber })}
      </AppLink>
    </p>
  );
}

function TicketLink({ trackingNumber }: { trackingNumber: string }) {
  return (
    <AppLink to={`tickets/${trackingNumber}`} className="mono">
      {trackingNumber}
    </AppLink>
  );
}

function LinksPanel({ ticket }: { ticket: DossierTicket }) {
  const t = useTicketPageT();
  const format = useFormat();
  const { language } = useLanguage();
  const empty = ticket.links.length === 0 && ticket.coReporters.length === 0;
  return (
    <Section id="tp-links" title={t("tp.section.links")} testId="ticket-links">
      {empty ? <p className="muted">{t("tp.links.empty")}</p> : null}
      {ticket.links.length > 0 ? (
        <>
          <h3 className="ticket-page__label">{t("tp.links.links")}</h3>
          <ul className="ticket-page__list">
            {ticket.links.map((link) => (
              <li key={`${link.kind}-${link.ticket.id}`}>
                {enumLabelOf(language, "TicketLinkKind", link.kind)} <TicketLink trackingNumber={link.ticket.trackingNumber} /> <StatusBadge status={link.ticket.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ticket.coReporters.length > 0 ? (
        <>
          <h3 className="ticket-page__label">{t("tp.links.coReporters")}</h3>
          <ul className="ticket-page__list">
            {ticket.coReporters.map((reporter) => (
              <li key={`${reporter.name}-${reporter.addedAt}`}>
                {reporter.name} {reporter.phone ? <span className="mono">{reporter.phone}</span> : null} <span className="muted">{format.dateTime(reporter.addedAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function ReReportsPanel({ dossier }: { dossier: TicketDossierData }) {
  const t = useTicketPageT();
  const format = useFormat();
  const { language } = useLanguage();
  const { tickets, rounds } = dossier.reReports;
  const chained = tickets.length > 1;
  const minPosition = Math.min(...tickets.map((row) => row.position), 0);
  return (
    <Section id="tp-re-reports" title={t("tp.section.reReports")} testId="ticket-re-reports">
      {!chained && rounds.length === 0 ? <p className="muted">{t("tp.reReports.none")}</p> : null}
      {chained ? (
        <>
          <h3 className="ticket-page__label">{t("tp.reReports.chain")}</h3>
          <ol className="ticket-page__chain">
            {tickets.map((row) => {
              const step = row.position - minPosition;
              const label = step === 0 ? t("tp.reReports.original") : t("tp.reReports.nth", { n: step });
              return (
                <li key={row.id} aria-current={row.position === 0 ? "page" : undefined}>
                  <span className="ticket-page__chain-step">{label}</span>{" "}
                  {row.position === 0 ? (
                    <strong className="mono">
                      {row.trackingNumber} ({t("tp.reReports.this")})
                    </strong>
                  ) : (
                    <TicketLink trackingNumber={row.trackingNumber} />
                  )}{" "}
                  <StatusBadge status={row.status} /> <span className="muted">{format.dateTime(row.receivedAt)}</span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      {rounds.length > 0 ? (
        <>
          <h3 className="ticket-page__label">{t("tp.reReports.rounds")}</h3>
          <ol className="ticket-page__list">
            {rounds.map((round) => (
              <li key={round.at}>
                {t("tp.reReports.round", {
                  at: format.dateTime(round.at),
                  unit: (language === "en" && round.unitNameEn ? round.unitNameEn : round.unitNameZh) ?? "",
                  name: round.decidedBy ?? "",
                })}
                {round.note ? <span className="muted"> — {round.note}</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}
