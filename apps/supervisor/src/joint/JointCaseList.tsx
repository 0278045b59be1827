import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, EmptyState, Loading, TableScroll, useFormat } from "@civicline/ui";
import { JointCasesDocument } from "../gql/graphql.ts";
import { useJointErrorMessage, useJointLabel, useJointName } from "./jointFormat.ts";
import { useJointT } from "./messages.ts";
import { jointCasePath, POLL_MS } from "./paths.ts";

/** The joint cases the viewer may see: all for centre roles, their unit's for the parties. */
export function JointCaseList({ roles }: { roles: readonly string[] }) {
  const t = useJointT();
  const format = useFormat();
  const label = useJointLabel();
  const name = useJointName();
  const errorMessage = useJointErrorMessage();
  const { data, loading, error } = useQuery(JointCasesDocument, { variables: { limit: 100 }, fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const party = roles.includes("HANDLER");
  const items = data?.jointCases.items ?? [];
  return (
    <section aria-labelledby="joint-title" data-testid="joint-cases">
      <h1 id="joint-title" tabIndex={-1}>
        {t("jt.list.title")}
      </h1>
      <p className="page-intro">{party ? t("jt.list.partyIntro") : t("jt.list.intro")}</p>
      {error && !data ? <Alert>{`${t("jt.list.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? (
        <EmptyState testId="joint-empty" title={t("jt.list.empty.title")}>
          {party ? t("jt.list.partyEmpty.body") : t("jt.list.empty.body")}
          {party ? (
            <>
              {" "}
              <a href="/operator/">{t("jt.list.workbench")}</a>
            </>
          ) : null}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label={t("jt.list.caption")}>
          <table className="data-table">
            <caption>{t("jt.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("jt.col.ticket")}</th>
                <th scope="col">{t("jt.col.matter")}</th>
                <th scope="col">{t("jt.col.state")}</th>
                <th scope="col">{t("jt.col.opinions")}</th>
                <th scope="col">{t("jt.col.deadline")}</th>
                <th scope="col">{t("jt.col.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="joint-row">
                  <td>
                    <AppLink to={jointCasePath(item.id)}>{item.ticket.trackingNumber}</AppLink>
                  </td>
                  <td className="joint-matter">
                    <span className="joint-matter__text" title={item.ticket.description}>
                      {item.ticket.title ?? item.ticket.description}
                    </span>
                  </td>
                  <td>{label("JointCaseState", item.state)}</td>
                  <td>{t("jt.opinions", { n: item.parties.filter((p) => p.recordedAt).length })}</td>
                  <td>
                    {format.dateTime(item.deadlineAt)}
                    {item.state === "OPEN" && item.overdueAt ? <span className="badge badge--danger joint-overdue">{t("jt.overdue")}</span> : null}
                  </td>
                  <td>{item.decidedUnit ? name(item.decidedUnit) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
