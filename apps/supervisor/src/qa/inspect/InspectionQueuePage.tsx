import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, EmptyState, Field, Loading, TableScroll, TextInput, useFormat } from "@civicline/ui";
import { useState } from "react";
import { QiInspectionQueueDocument, QiScoredInspectionsDocument } from "../../gql/graphql.ts";
import { minutesSeconds } from "./labels.ts";
import { useQaInspectErrorMessage, useQaInspectT } from "./messages.ts";
import { QA_INSPECT_PATH } from "./paths.ts";

const PAGE = 50;

/** The inspector's queue: the sampled calls waiting for a score (oldest day first), and the latest scored ones. */
export function InspectionQueuePage() {
  const t = useQaInspectT();
  const [view, setView] = useState<"PENDING" | "SCORED">("PENDING");
  const [day, setDay] = useState("");
  return (
    <section aria-labelledby="qa-queue-title" data-testid="qa-queue-page">
      <h1 id="qa-queue-title" tabIndex={-1}>
        {t("qi.queue.title")}
      </h1>
      <p className="page-intro">{t("qi.queue.intro")}</p>
      <div className="qa-filter">
        <fieldset className="radio-buttons radio-buttons--inline">
          <legend className="field__label">{t("qi.queue.filter")}</legend>
          <div className="radio-buttons__options">
            {(["PENDING", "SCORED"] as const).map((value) => (
              <label key={value} className="radio-buttons__option">
                <input type="radio" name="qa-queue-view" checked={view === value} onChange={() => setView(value)} data-testid={`qa-queue-view-${value}`} />
                {t(`qi.queue.filter.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {view === "PENDING" ? (
          <Field label={t("qi.queue.day")} optional>
            <TextInput type="date" value={day} onChange={(event) => setDay(event.target.value)} data-testid="qa-queue-day" />
          </Field>
        ) : null}
      </div>
      {view === "PENDING" ? <PendingSamples day={day || null} /> : <ScoredInspections />}
    </section>
  );
}

function PendingSamples({ day }: { day: string | null }) {
  const t = useQaInspectT();
  const format = useFormat();
  const errorMessage = useQaInspectErrorMessage();
  const queue = useQuery(QiInspectionQueueDocument, { variables: { day, limit: PAGE, offset: 0 }, fetchPolicy: "cache-and-network" });
  const page = queue.data?.qaInspectionQueue;
  if (!page) {
    return queue.error ? <Alert testId="qa-queue-error">{`${t("qi.queue.loadFailed")} ${errorMessage(queue.error) ?? ""}`}</Alert> : <Loading />;
  }
  if (page.items.length === 0) {
    return (
      <EmptyState testId="qa-queue-empty" title={t("qi.queue.empty.title")}>
        {t("qi.queue.empty.body")}
      </EmptyState>
    );
  }
  return (
    <>
      {page.total > page.items.length ? <p>{t("qi.queue.showing", { shown: page.items.length, total: page.total })}</p> : null}
      <TableScroll label={t("qi.queue.caption")}>
        <table className="data-table qa-table" data-testid="qa-queue-table">
          <caption className="visually-hidden">{t("qi.queue.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("qi.col.callTaker")}</th>
              <th scope="col">{t("qi.queue.day")}</th>
              <th scope="col">{t("qi.col.startedAt")}</th>
              <th scope="col">{t("qi.col.duration")}</th>
              <th scope="col">{t("qi.col.direction")}</th>
              <th scope="col">{t("qi.col.reason")}</th>
              <th scope="col">{t("qi.col.open")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((sample) => (
              <tr key={sample.id} data-testid="qa-queue-row" data-sample={sample.id}>
                <th scope="row">{sample.callTaker.displayName}</th>
                <td>{sample.day}</td>
                <td>{format.dateTime(sample.call.startedAt)}</td>
                <td>{t("qi.duration", minutesSeconds(sample.call.talkSeconds))}</td>
                <td>{format.enumValue("QaCallDirection", sample.call.direction)}</td>
                <td data-testid="qa-queue-reason">{format.enumValue("QaSampleReason", sample.reason)}</td>
                <td>
                  <AppLink to={`${QA_INSPECT_PATH}/${sample.id}`} aria-label={t("qi.open", { name: sample.callTaker.displayName, at: format.dateTime(sample.call.startedAt) })} data-testid="qa-queue-open">
                    {t("qi.col.open")}
                  </AppLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function ScoredInspections() {
  const t = useQaInspectT();
  const format = useFormat();
  const errorMessage = useQaInspectErrorMessage();
  const scored = useQuery(QiScoredInspectionsDocument, { variables: { first: PAGE }, fetchPolicy: "cache-and-network" });
  const items = scored.data?.qaInspections;
  if (!items) {
    return scored.error ? <Alert testId="qa-scored-error">{`${t("qi.queue.loadFailed")} ${errorMessage(scored.error) ?? ""}`}</Alert> : <Loading />;
  }
  if (items.length === 0) {
    return <EmptyState testId="qa-scored-empty" title={t("qi.scoredList.empty")} />;
  }
  return (
    <TableScroll label={t("qi.scoredList.caption")}>
      <table className="data-table qa-table" data-testid="qa-scored-table">
        <caption className="visually-hidden">{t("qi.scoredList.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("qi.col.callTaker")}</th>
            <th scope="col">{t("qi.col.startedAt")}</th>
            <th scope="col">{t("qi.col.score")}</th>
            <th scope="col">{t("qi.col.state")}</th>
            <th scope="col">{t("qi.col.inspector")}</th>
            <th scope="col">{t("qi.col.scoredAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((inspection) => (
            <tr key={inspection.id} data-testid="qa-scored-row">
              <th scope="row">{inspection.callTakerName}</th>
              <td>{format.dateTime(inspection.callStartedAt)}</td>
              <td className="qa-num">{inspection.score.total}</td>
              <td>{format.enumValue("QaInspectionState", inspection.state)}</td>
              <td>{inspection.inspectorName}</td>
              <td>{format.dateTime(inspection.scoredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
