import { useQuery } from "@apollo/client/react";
import { EmptyState, Field, Loading, Select } from "@civicline/ui";
import { useState } from "react";
import { LeadersDocument } from "../gql/graphql.ts";
import { LeaderPage } from "./LeaderPage.tsx";
import { useLeaderT } from "./messages.ts";

/** Supervisors and admins follow each leader's cases (领导包案) and session calls to their outcome. */
export function CasesPage() {
  const t = useLeaderT();
  const leaders = useQuery(LeadersDocument, { fetchPolicy: "cache-and-network" });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = leaders.data?.leaders ?? [];
  const leaderId = chosen ?? list[0]?.id ?? null;
  return (
    <section aria-labelledby="cases-title" data-testid="leader-cases-page" className="leader-page">
      <h1 id="cases-title" tabIndex={-1}>
        {t("ld.cases.title")}
      </h1>
      <p className="page-intro">{t("ld.cases.intro")}</p>
      {leaders.loading && !leaders.data ? <Loading /> : null}
      {leaders.data && list.length === 0 ? <EmptyState title={t("ld.noLeaders")} /> : null}
      {list.length > 0 ? (
        <div className="leader-cases__picker">
          <Field label={t("ld.cases.leader")}>
            <Select value={leaderId ?? ""} placeholder={null} onChange={(event) => setChosen(event.target.value)} options={list.map((leader) => ({ value: leader.id, label: leader.displayName }))} data-testid="cases-leader" />
          </Field>
        </div>
      ) : null}
      {leaderId ? <LeaderPage key={leaderId} leaderId={leaderId} /> : null}
    </section>
  );
}
