import { useQuery } from "@apollo/client/react";
import { Alert, EmptyState, Loading, useErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { QmTeamsDocument, QmWeeklyReviewDocument } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { shanghaiToday } from "../shanghai.ts";
import { orderTeams, TeamPicker } from "../TeamPicker.tsx";
import type { QaViewer } from "../useQaViewer.ts";
import { addDays, mondayOf } from "../week.ts";
import { WeekPicker } from "../WeekPicker.tsx";
import { ReviewBody } from "./ReviewBody.tsx";
import "../qa-manage.css";

/**
 * 每周点评: a team's week — scores against the week before, who fell, the most frequent deductions
 * with examples, and the lead's notes. Last week by default (the week being reviewed is over).
 */
export function WeeklyReviewPage({ qa }: { qa: QaViewer }) {
  const t = useQaManageT();
  const errorMessage = useErrorMessage();
  const [monday, setMonday] = useState(() => addDays(mondayOf(shanghaiToday()), -7));
  const [chosenTeam, setChosenTeam] = useState("");
  const teams = useQuery(QmTeamsDocument);
  const teamList = orderTeams(teams.data?.qaTeams ?? [], qa.ledTeamIds);
  const teamId = chosenTeam || teamList[0]?.id || "";
  const review = useQuery(QmWeeklyReviewDocument, { variables: { teamId, weekStart: monday }, skip: !teamId, fetchPolicy: "cache-and-network" });
  const data = review.data?.qaWeeklyReview;
  return (
    <section aria-labelledby="qm-review-title" className="qm-page" data-testid="qa-review">
      <h1 id="qm-review-title" tabIndex={-1}>
        {t("qm.review.title")}
      </h1>
      <p className="page-intro">{t("qm.review.intro")}</p>
      {teams.error ? <Alert>{errorMessage(teams.error) ?? t("qm.loadFailed")}</Alert> : null}
      {teams.loading && !teams.data ? <Loading /> : null}
      {teams.data && teamList.length === 0 ? (
        <EmptyState title={t("qm.noTeams.title")} testId="qa-review-no-teams">
          <p>{t("qm.noTeams.body")}</p>
        </EmptyState>
      ) : null}
      {teamList.length > 0 ? (
        <div className="qm-filter">
          <TeamPicker teams={teamList} value={teamId} onChange={setChosenTeam} />
          <WeekPicker monday={monday} onChange={setMonday} />
        </div>
      ) : null}
      <div aria-live="polite">{review.error ? <Alert>{errorMessage(review.error) ?? t("qm.loadFailed")}</Alert> : null}</div>
      {review.loading && !data ? <Loading /> : null}
      {data ? <ReviewBody key={`${data.teamId}-${data.weekStart}`} review={data} /> : null}
    </section>
  );
}
