import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, errorCode, Loading, TableScroll, useFormat } from "@civicline/ui";
import { Fragment, useState } from "react";
import { QiAppealsDocument } from "../../gql/graphql.ts";
import { AppealDecision } from "./AppealDecision.tsx";
import { useQaInspectErrorMessage, useQaInspectT } from "./messages.ts";
import { formatTotal } from "./score.ts";

/** The appeals of the lead's team (every team for inspectors): pending first to decide, or the decided ones. */
export function AppealsPage() {
  const t = useQaInspectT();
  const format = useFormat();
  const errorMessage = useQaInspectErrorMessage();
  const [view, setView] = useState<"PENDING" | "DECIDED">("PENDING");
  const [open, setOpen] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const appeals = useQuery(QiAppealsDocument, { variables: { state: view === "PENDING" ? "PENDING" : null }, fetchPolicy: "cache-and-network" });
  const items = appeals.data?.qaAppeals.filter((inspection) => (view === "PENDING" ? inspection.appeal?.state === "PENDING" : inspection.appeal?.state !== "PENDING"));
  return (
    <section aria-labelledby="qa-appeals-title" data-testid="qa-appeals-page">
      <h1 id="qa-appeals-title" tabIndex={-1}>
        {t("qi.appeals.title")}
      </h1>
      <p className="page-intro">{t("qi.appeals.intro")}</p>
      <fieldset className="radio-buttons radio-buttons--inline qa-filter">
        <legend className="field__label">{t("qi.queue.filter")}</legend>
        <div className="radio-buttons__options">
          {(["PENDING", "DECIDED"] as const).map((value) => (
            <label key={value} className="radio-buttons__option">
              <input type="radio" name="qa-appeals-view" checked={view === value} onChange={() => setView(value)} data-testid={`qa-appeals-view-${value}`} />
              {t(`qi.appeals.filter.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {decided ? <Alert tone="success" testId="qa-appeal-decided">{t("qi.appeals.decided")}</Alert> : null}
      {!items && errorCode(appeals.error) === "FORBIDDEN" ? (
        <EmptyState testId="qa-appeals-not-lead" title={t("qi.appeals.notLead")} />
      ) : !items ? (
        appeals.error ? <Alert testId="qa-appeals-error">{`${t("qi.appeals.loadFailed")} ${errorMessage(appeals.error) ?? ""}`}</Alert> : <Loading />
      ) : items.length === 0 ? (
        <EmptyState testId="qa-appeals-empty" title={t(view === "PENDING" ? "qi.appeals.empty.title" : "qi.appeals.emptyDecided")}>
          {t("qi.appeals.empty.body")}
        </EmptyState>
      ) : (
        <TableScroll label={t("qi.appeals.caption")}>
          <table className="data-table qa-table" data-testid="qa-appeals-table">
            <caption className="visually-hidden">{t("qi.appeals.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("qi.appeals.col.callTaker")}</th>
                <th scope="col">{t("qi.appeals.col.call")}</th>
                <th scope="col">{t("qi.appeals.col.score")}</th>
                <th scope="col">{t("qi.appeals.col.reason")}</th>
                <th scope="col">{t("qi.appeals.col.appealedAt")}</th>
                <th scope="col">{t("qi.appeals.col.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((inspection) => {
                const appeal = inspection.appeal!;
                const original = inspection.scores[0] ?? inspection.score;
                return (
                  <Fragment key={inspection.id}>
                    <tr data-testid="qa-appeal-row" data-inspection={inspection.id}>
                      <th scope="row">{inspection.callTakerName}</th>
                      <td>{format.dateTime(inspection.callStartedAt)}</td>
                      <td className="qa-num">{formatTotal(inspection.score.total)}</td>
                      <td className="qa-wrap" data-testid="qa-appeal-reason">
                        {appeal.reason}
                      </td>
                      <td>{format.dateTime(appeal.filedAt)}</td>
                      <td data-testid="qa-appeal-outcome">
                        {appeal.state === "PENDING" ? (
                          inspection.canDecide ? (
                            <Button variant="secondary" aria-expanded={open === inspection.id} onClick={() => setOpen(open === inspection.id ? null : inspection.id)} data-testid="qa-appeal-decide">
                              {t("qi.appeals.decide")}
                            </Button>
                          ) : (
                            format.enumValue("QaAppealState", appeal.state)
                          )
                        ) : appeal.state === "UPHELD" ? (
                          t("qi.appeals.outcome.UPHELD", { from: formatTotal(original.total), to: formatTotal(inspection.score.total) })
                        ) : (
                          t("qi.appeals.outcome.REJECTED")
                        )}
                        {appeal.decisionNote ? <span className="qa-muted qa-block">{appeal.decisionNote}</span> : null}
                      </td>
                    </tr>
                    {open === inspection.id ? (
                      <tr>
                        <td colSpan={6}>
                          <AppealDecision
                            inspection={inspection}
                            onCancel={() => setOpen(null)}
                            onDecided={() => {
                              setOpen(null);
                              setDecided(inspection.id);
                              void appeals.refetch().catch(() => undefined);
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
