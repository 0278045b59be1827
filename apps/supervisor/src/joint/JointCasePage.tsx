import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, Loading, StatusBadge, useFormat } from "@civicline/ui";
import { useState } from "react";
import { JointCaseDocument } from "../gql/graphql.ts";
import { DecisionForm, OpinionForm } from "./JointForms.tsx";
import { useJointErrorMessage, useJointLabel, useJointName } from "./jointFormat.ts";
import { useJointT } from "./messages.ts";
import { JOINT_PATH, POLL_MS } from "./paths.ts";

/** One joint case: the ticket, the returns, the parties' opinions, the decision, the case's timeline; forms for the viewer's party. */
export function JointCasePage({ id }: { id: string }) {
  const t = useJointT();
  const format = useFormat();
  const label = useJointLabel();
  const name = useJointName();
  const errorMessage = useJointErrorMessage();
  const [done, setDone] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(JointCaseDocument, { variables: { id }, fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const reload = () => void refetch().catch(() => undefined);
  const c = data?.jointCase;
  if (!c) {
    return (
      <section aria-labelledby="joint-case-title">
        <h1 id="joint-case-title">{t("jt.list.title")}</h1>
        {loading ? <Loading /> : null}
        {error ? <Alert>{`${t("jt.case.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
        <AppLink to={JOINT_PATH}>{t("jt.back")}</AppLink>
      </section>
    );
  }
  const mine = c.parties.find((party) => party.party === c.viewerParty);
  const allRecorded = c.parties.every((party) => party.recordedAt);
  const staffing = c.parties.find((party) => party.party === "STAFFING_OFFICE")?.proposedUnit?.id ?? null;
  return (
    <section aria-labelledby="joint-case-title" data-testid="joint-case" className="joint-case">
      <p>
        <AppLink to={JOINT_PATH}>{t("jt.back")}</AppLink>
      </p>
      <h1 id="joint-case-title" tabIndex={-1}>
        {t("jt.case.title", { number: c.ticket.trackingNumber })}
      </h1>
      <p className="joint-state" data-testid="joint-state">
        <span className={`badge ${c.state === "OPEN" ? "badge--warning" : "badge--success"}`}>{label("JointCaseState", c.state)}</span>{" "}
        {t("jt.case.deadline")}: {t("jt.case.deadlineValue", { at: format.dateTime(c.deadlineAt), days: c.deadlineDays })}
        {c.state === "OPEN" && c.overdueAt ? <span className="badge badge--danger joint-overdue">{t("jt.overdue")}</span> : null}
      </p>
      <div aria-live="polite">{done ? <Alert tone="success" testId="joint-done">{done}</Alert> : null}</div>
      <div className="joint-grid">
        <section aria-labelledby="joint-ticket-title" className="joint-card">
          <h2 id="joint-ticket-title">{t("jt.case.ticket")}</h2>
          <p>{c.ticket.description}</p>
          <dl className="joint-facts">
            <dt>{t("jt.case.category")}</dt>
            <dd>{name(c.ticket.category)}</dd>
            <dt>{t("jt.case.address")}</dt>
            <dd>{c.ticket.address}</dd>
            <dt>{t("jt.case.status")}</dt>
            <dd>
              <StatusBadge status={c.ticket.status} />
            </dd>
            <dt>{t("jt.case.received")}</dt>
            <dd>{format.dateTime(c.ticket.receivedAt)}</dd>
            <dt>{t("jt.case.trigger")}</dt>
            <dd>{label("JointTrigger", c.trigger)}</dd>
            <dt>{t("jt.case.reason")}</dt>
            <dd>
              {c.reason}
              <br />
              <small>{t("jt.case.openedBy", { name: c.openedByName, at: format.dateTime(c.openedAt) })}</small>
            </dd>
          </dl>
          <h3>{t("jt.case.returns")}</h3>
          {c.returns.length === 0 ? (
            <p>{t("jt.case.noReturns")}</p>
          ) : (
            <ol className="joint-returns">
              {c.returns.map((item) => (
                <li key={item.requestedAt}>
                  <strong>{item.unitName}</strong> · {label("ReturnReason", item.reason)} · {format.dateTime(item.requestedAt)}
                  <br />
                  {item.text}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="joint-parties-title" className="joint-card">
          <h2 id="joint-parties-title">{t("jt.case.parties")}</h2>
          <ul className="plain-list joint-parties">
            {c.parties.map((party) => (
              <li key={party.party} data-testid={`joint-party-${party.party}`} className="joint-party">
                <h3>
                  {label("JointParty", party.party)} <small>{name(party.unit)}</small> {party.party === c.viewerParty ? <small>{t("jt.case.you")}</small> : null}
                </h3>
                {party.recordedAt ? (
                  <>
                    <p className="joint-opinion">{party.opinion}</p>
                    {party.proposedUnit ? <p>{t("jt.case.holdsResponsible", { unit: name(party.proposedUnit) })}</p> : null}
                    <p>
                      <small>{t("jt.case.recordedBy", { name: party.recordedByName ?? "", at: format.dateTime(party.recordedAt) })}</small>
                    </p>
                  </>
                ) : (
                  <p className="joint-waiting">{t("jt.case.waiting")}</p>
                )}
              </li>
            ))}
          </ul>
          {c.state === "DECIDED" && c.decidedUnit ? (
            <div className="joint-decision" data-testid="joint-decision">
              <h3>{t("jt.case.decision")}</h3>
              <p>
                <strong>{t("jt.case.decidedUnit", { unit: name(c.decidedUnit) })}</strong>
              </p>
              <p>{c.decisionText}</p>
              <p>
                <small>{t("jt.case.decidedBy", { name: c.decidedByName ?? "", at: format.dateTime(c.decidedAt ?? c.openedAt) })}</small>
              </p>
              {c.ruleProposal ? (
                <p>
                  {t("jt.case.proposal", { category: name(c.ruleProposal.category), unit: name(c.ruleProposal.leadUnit), status: label("RuleProposalStatus", c.ruleProposal.status) })}
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      </div>
      {c.state === "OPEN" && mine && !mine.recordedAt ? (
        <OpinionForm
          caseId={c.id}
          party={mine.party}
          onDone={() => {
            setDone(t("jt.opinion.saved"));
            reload();
          }}
        />
      ) : null}
      {c.state === "OPEN" && c.viewerParty === "COMPLAINT_CENTRE" ? (
        allRecorded ? (
          <DecisionForm
            caseId={c.id}
            suggestedUnitId={staffing}
            onDone={(unitName) => {
              setDone(t("jt.decide.done", { unit: unitName }));
              reload();
            }}
          />
        ) : (
          <p className="joint-waiting" data-testid="joint-decide-waiting">
            {t("jt.decide.waiting")}
          </p>
        )
      ) : null}
      <section aria-labelledby="joint-timeline-title" className="joint-card">
        <h2 id="joint-timeline-title">{t("jt.case.timeline")}</h2>
        <ol className="joint-timeline" data-testid="joint-timeline">
          {c.timeline.map((step) => (
            <li key={step.id}>
              <time dateTime={step.at}>{format.dateTime(step.at)}</time> · <strong>{label("JointEventKind", step.kind)}</strong>
              {step.party ? ` · ${label("JointParty", step.party)}` : ""} · {step.actorName}
              {step.text ? <p className="joint-step-text">{step.text}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
