import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { QmRosterWeekDocument, QmTeamsDocument } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { shanghaiToday } from "../shanghai.ts";
import { orderTeams, TeamPicker } from "../TeamPicker.tsx";
import type { QaViewer } from "../useQaViewer.ts";
import { mondayOf } from "../week.ts";
import { WeekPicker } from "../WeekPicker.tsx";
import { RosterGrid } from "./RosterGrid.tsx";
import "../qa-manage.css";

/**
 * 排班: a team's week — who sits at which seat in which shift. The team's lead (and admins) edit it
 * cell by cell; inspectors and supervisors read it.
 */
export function RosterPage({ roles, qa }: { roles: readonly string[]; qa: QaViewer }) {
  const t = useQaManageT();
  const errorMessage = useErrorMessage();
  const [monday, setMonday] = useState(() => mondayOf(shanghaiToday()));
  const [chosenTeam, setChosenTeam] = useState("");
  const teams = useQuery(QmTeamsDocument);
  const teamList = orderTeams(teams.data?.qaTeams ?? [], qa.ledTeamIds);
  const teamId = chosenTeam || teamList[0]?.id || "";
  const team = teamList.find((candidate) => candidate.id === teamId);
  const week = useQuery(QmRosterWeekDocument, { variables: { weekStart: monday, teamId }, skip: !teamId, fetchPolicy: "cache-and-network" });
  const canEdit = Boolean(team) && (roles.includes("ADMIN") || qa.ledTeamIds.includes(teamId));
  const data = week.data?.qaRosterWeek;
  return (
    <section aria-labelledby="qm-roster-title" className="qm-page" data-testid="qa-roster">
      <h1 id="qm-roster-title" tabIndex={-1}>
        {t("qm.roster.title")}
      </h1>
      <p className="page-intro">{t("qm.roster.intro")}</p>
      {teams.error ? (
        <Alert>
          {errorMessage(teams.error) ?? t("qm.loadFailed")}{" "}
          <Button variant="secondary" onClick={() => void teams.refetch().catch(() => undefined)}>
            {t("qm.retry")}
          </Button>
        </Alert>
      ) : teams.loading && !teams.data ? (
        <Loading />
      ) : teamList.length === 0 ? (
        <EmptyState title={t("qm.noTeams.title")} testId="qa-roster-no-teams">
          <p>{t("qm.noTeams.body")}</p>
        </EmptyState>
      ) : (
        <>
          <div className="qm-filter">
            <TeamPicker teams={teamList} value={teamId} onChange={setChosenTeam} />
            <WeekPicker monday={monday} onChange={setMonday} />
          </div>
          {!canEdit ? <p className="field__hint">{t("qm.roster.readOnly")}</p> : null}
          <div aria-live="polite">{week.error ? <Alert>{errorMessage(week.error) ?? t("qm.loadFailed")}</Alert> : null}</div>
          {week.loading && !data ? <Loading /> : null}
          {data && team ? (
            data.people.length === 0 ? (
              <EmptyState title={t("qm.roster.noMembers.title")} testId="qa-roster-no-members">
                <p>{t("qm.roster.noMembers.body")}</p>
              </EmptyState>
            ) : (
              <RosterGrid key={`${teamId}-${monday}`} week={data} monday={monday} teamName={team.name} canEdit={canEdit} onSaved={() => void week.refetch().catch(() => undefined)} />
            )
          ) : null}
        </>
      )}
    </section>
  );
}
