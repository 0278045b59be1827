import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, EmptyState, Field, Loading, Select, TableScroll, TextInput, useErrorMessage, useFormat, useLanguage } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { HotIssuesDocument, type HotWindow } from "../../gql/graphql.ts";
import { shanghaiToday } from "../ranking/period.ts";
import { dayOf, formatNumber, formatP, hotIssueKey, hotIssueSearchHref, lastDayBefore, type HotIssueItem } from "./hot-format.ts";
import { HotIssueTickets } from "./HotIssueTickets.tsx";
import { HotTrend } from "./HotTrend.tsx";
import { useHotT } from "./messages.ts";
import { HOT_ASSIGNERS, HOT_MERGERS } from "./paths.ts";
import "./hot.css";

const keyOf = hotIssueKey;

/** An issue's name in the UI language: category · district (township). */
export function useHotIssueName(): (issue: HotIssueItem) => string {
  const t = useHotT();
  const format = useFormat();
  return (issue) => {
    const names = { category: format.name({ nameZh: issue.categoryName, nameEn: issue.categoryNameEn }), district: format.name({ nameZh: issue.districtName, nameEn: issue.districtNameEn }) };
    return issue.townshipName ? t("hot.issueNameTownship", { ...names, township: format.name({ nameZh: issue.townshipName, nameEn: issue.townshipNameEn }) }) : t("hot.issueName", names);
  };
}

/**
 * 热点问题: the window (seven days or one day, ending today by default), the statistic in words,
 * the hot issues with count, expected, ratio, p and trend, each opening its tickets with the merge
 * and assign-to-leader actions, and a link to the ticket search.
 */
export function HotIssuesPage({ roles }: { roles: readonly string[] }) {
  const t = useHotT();
  const { language } = useLanguage();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const issueName = useHotIssueName();
  const [form, setForm] = useState<{ window: HotWindow; lastDay: string }>({ window: "WEEK", lastDay: shanghaiToday() });
  const [chosen, setChosen] = useState(form);
  const [open, setOpen] = useState<string | null>(null);
  const detail = useRef<HTMLHeadingElement>(null);
  const hot = useQuery(HotIssuesDocument, { variables: { window: chosen.window, lastDay: chosen.lastDay, limit: 20 }, fetchPolicy: "cache-and-network" });
  const data = hot.data?.hotIssues;
  const opened = data?.issues.find((issue) => keyOf(issue) === open) ?? null;
  useEffect(() => {
    if (open) {
      detail.current?.focus();
    }
  }, [open]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(null);
    setChosen(form);
  };
  return (
    <section aria-labelledby="hot-title" className="hot-page" data-testid="hot-page">
      <h1 id="hot-title" tabIndex={-1}>
        {t("hot.title")}
      </h1>
      <p className="page-intro">{t("hot.intro")}</p>
      <form className="hot-filter" onSubmit={submit} noValidate aria-label={t("hot.window")}>
        <Field label={t("hot.window")}>
          <Select
            value={form.window}
            placeholder={null}
            onChange={(event) => setForm({ ...form, window: event.target.value as HotWindow })}
            options={(["WEEK", "DAY"] as const).map((value) => ({ value, label: format.enumValue("HotWindow", value) }))}
            data-testid="hot-window"
          />
        </Field>
        <Field label={t("hot.lastDay")}>
          <TextInput type="date" value={form.lastDay} onChange={(event) => setForm({ ...form, lastDay: event.target.value })} data-testid="hot-last-day" />
        </Field>
        <Button type="submit" data-testid="hot-show">
          {t("hot.show")}
        </Button>
      </form>
      {data ? (
        <p className="hot-statistic" data-testid="hot-statistic">
          {t("hot.statistic", { min: data.minCount, alpha: data.alpha })}
        </p>
      ) : null}
      <div aria-live="polite">{hot.error ? <Alert>{errorMessage(hot.error) ?? t("hot.loadFailed")}</Alert> : null}</div>
      {hot.loading && !data ? <Loading /> : null}
      {data ? <p data-testid="hot-window-line">{t("hot.windowLine", { from: dayOf(data.windowStart as string), to: lastDayBefore(data.windowEnd as string) })}</p> : null}
      {data && data.issues.length === 0 ? (
        <EmptyState title={t("hot.empty.title")} testId="hot-empty">
          <p>{t("hot.empty.body")}</p>
        </EmptyState>
      ) : null}
      {data && data.issues.length > 0 ? (
        <TableScroll label={t("hot.title")} testId="hot-list">
          <table className="data-table hot-table">
            <caption className="visually-hidden">{t("hot.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hot.col.issue")}</th>
                <th scope="col">{t("hot.col.count")}</th>
                <th scope="col">{t("hot.col.expected")}</th>
                <th scope="col">{t("hot.col.ratio")}</th>
                <th scope="col">{t("hot.col.p")}</th>
                <th scope="col">{t("hot.col.trend")}</th>
                <th scope="col">{t("hot.col.leader")}</th>
                <th scope="col">{t("hot.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.issues.map((issue) => {
                const name = issueName(issue);
                const isOpen = open === keyOf(issue);
                return (
                  <tr key={keyOf(issue)} data-testid="hot-issue">
                    <th scope="row">{name}</th>
                    <td data-testid="hot-count">{issue.count}</td>
                    <td>{formatNumber(issue.expected, language, 2)}</td>
                    <td>{formatNumber(issue.ratio, language, 1)}</td>
                    <td>{formatP(issue.pValue)}</td>
                    <td>
                      <HotTrend trend={issue.trend} />
                    </td>
                    <td data-testid="hot-leaders">{issue.leaderNames.join("、") || t("hot.noLeader")}</td>
                    <td className="hot-actions">
                      <Button variant="secondary" aria-expanded={isOpen} aria-controls="hot-detail" onClick={() => setOpen(isOpen ? null : keyOf(issue))} data-testid="hot-open">
                        {isOpen ? t("hot.close") : t("hot.open")}
                      </Button>{" "}
                      <AppLink to={hotIssueSearchHref(issue)} aria-label={t("hot.searchLabel", { issue: name })} data-testid="hot-search">
                        {t("hot.search")}
                      </AppLink>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {opened ? (
        <section id="hot-detail" aria-labelledby="hot-detail-title" className="hot-detail">
          <h2 id="hot-detail-title" tabIndex={-1} ref={detail}>
            {t("hot.tickets.title", { issue: issueName(opened) })}
          </h2>
          <HotIssueTickets
            key={keyOf(opened)}
            issue={opened}
            name={issueName(opened)}
            mayMerge={roles.some((role) => HOT_MERGERS.includes(role))}
            mayAssign={roles.some((role) => HOT_ASSIGNERS.includes(role))}
            onChanged={() => void hot.refetch()}
          />
        </section>
      ) : null}
    </section>
  );
}
