import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useFormat, useKnowledgeErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { KbKnowledgeStatsDocument } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";
import { presetPeriod, statsVariables, type Period } from "./period.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { ExpiringTable, GapsTable, NeverUsedTable } from "./StatsLists.tsx";
import { UsageBarChart } from "./UsageBarChart.tsx";

/** Knowledge-base figures for a period (default: this month, Beijing time). */
export function KnowledgeStatsPage({ canWrite }: { canWrite: boolean }) {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  const errorMessage = useKnowledgeErrorMessage();
  const [period, setPeriod] = useState<Period>(() => presetPeriod("thisMonth"));
  const { data, loading, error, refetch } = useQuery(KbKnowledgeStatsDocument, { variables: statsVariables(period), fetchPolicy: "cache-and-network" });
  const stats = data?.knowledgeStats;

  return (
    <div className="kb-stats">
      <h1 tabIndex={-1}>{t("kbs.stats.title")}</h1>
      <p className="kb-intro">{t("kbs.stats.intro")}</p>
      <PeriodPicker value={period} onChange={setPeriod} />
      <p className="kb-stats__range" aria-live="polite">
        {t("kbs.stats.range", { from: format.date(period.from), to: format.date(period.to) })}
      </p>
      {error && !stats ? (
        <Alert>
          <p>{`${t("kbs.stats.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !stats ? <Loading /> : null}
      {stats ? (
        <div aria-busy={loading || undefined}>
          <div className="stats">
            <section className="stat card" aria-labelledby="kb-stat-added">
              <h2 id="kb-stat-added" className="stat__label">
                {t("kbs.stats.added")}
              </h2>
              <p className="stat__value" data-testid="kb-stat-added">
                {stats.added}
              </p>
              <p className="stat__hint">{t("kbs.stats.added.hint")}</p>
            </section>
            <section className="stat card" aria-labelledby="kb-stat-updated">
              <h2 id="kb-stat-updated" className="stat__label">
                {t("kbs.stats.updated")}
              </h2>
              <p className="stat__value" data-testid="kb-stat-updated">
                {stats.updated}
              </p>
              <p className="stat__hint">{t("kbs.stats.updated.hint")}</p>
            </section>
          </div>

          <section className="dashboard-section" aria-labelledby="kb-most-used">
            <h2 id="kb-most-used">{t("kbs.stats.mostUsed")}</h2>
            {stats.mostUsed.length === 0 ? (
              <EmptyState testId="kb-most-used-empty" title={t("kbs.stats.noUse.title")}>
                {t("kbs.stats.noUse.body")}
              </EmptyState>
            ) : (
              <UsageBarChart items={stats.mostUsed.map((use) => ({ id: use.article.id, title: use.article.title, uses: use.uses }))} />
            )}
          </section>

          <section className="dashboard-section" aria-labelledby="kb-gaps">
            <h2 id="kb-gaps">{t("kbs.stats.gaps")}</h2>
            <p className="kb-intro">{t("kbs.stats.gaps.intro")}</p>
            <GapsTable gaps={stats.gaps} canWrite={canWrite} />
          </section>

          <section className="dashboard-section" aria-labelledby="kb-never-used">
            <h2 id="kb-never-used">{t("kbs.stats.neverUsed")}</h2>
            <p className="kb-intro">{t("kbs.stats.neverUsed.intro")}</p>
            <NeverUsedTable articles={stats.neverUsed} />
          </section>

          <section className="dashboard-section" aria-labelledby="kb-expiring">
            <h2 id="kb-expiring">{t("kbs.stats.expiring")}</h2>
            <p className="kb-intro">{t("kbs.stats.expiring.intro")}</p>
            <ExpiringTable articles={stats.expiringSoon} />
          </section>
        </div>
      ) : null}
    </div>
  );
}
