import { useQuery } from "@apollo/client/react";
import { Alert, Button, Loading, TableScroll, addDays, shanghaiDay, startOfShanghaiDay, useFormat } from "@civicline/ui";
import { useState } from "react";
import { LeaderSessionsDocument, LeadersDocument, type LeaderSessionFieldsFragment } from "../gql/graphql.ts";
import { AssignMatterForm } from "./AssignMatterForm.tsx";
import { useLeaderErrors, useLeaderT } from "./messages.ts";
import { ScheduleSessionForm } from "./ScheduleSessionForm.tsx";

/** The Monday (YYYY-MM-DD, Beijing) of the week containing `day`. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The day of the week a session is listed under: the day it starts, or the week's Monday when it started
 * before the week and runs into it (a session from Sunday 22:00 to Monday 02:00 belongs to both weeks).
 */
const sessionDay = (session: LeaderSessionFieldsFragment, monday: string) => {
  const day = shanghaiDay(new Date(session.startsAt));
  return day < monday ? monday : day;
};

/** Supervisors and admins: the week's leader sessions, day by day, the scheduling form and 领导包案. */
export function SessionsPage() {
  const t = useLeaderT();
  const format = useFormat();
  const errors = useLeaderErrors();
  const [monday, setMonday] = useState(() => mondayOf(shanghaiDay()));
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  const sessions = useQuery(LeaderSessionsDocument, {
    variables: { from: startOfShanghaiDay(monday), to: startOfShanghaiDay(addDays(monday, 7)) },
    fetchPolicy: "cache-and-network",
  });
  const leaders = useQuery(LeadersDocument, { fetchPolicy: "cache-and-network" });
  const leaderList = leaders.data?.leaders ?? [];
  const list = sessions.data?.leaderSessions ?? [];
  const time = (iso: string) => format.dateTime(iso).slice(-5);
  return (
    <section aria-labelledby="sessions-title" data-testid="leader-sessions-page" className="leader-page">
      <h1 id="sessions-title" tabIndex={-1}>
        {t("ld.sched.title")}
      </h1>
      <p className="page-intro">{t("ld.sched.intro")}</p>
      <div className="button-row leader-week-nav" role="group" aria-label={t("ld.sched.week", { date: format.date(startOfShanghaiDay(monday)) })}>
        <Button variant="secondary" onClick={() => setMonday(addDays(monday, -7))} data-testid="week-prev">
          {t("ld.sched.prev")}
        </Button>
        <Button variant="ghost" onClick={() => setMonday(mondayOf(shanghaiDay()))}>
          {t("ld.sched.thisWeek")}
        </Button>
        <Button variant="secondary" onClick={() => setMonday(addDays(monday, 7))} data-testid="week-next">
          {t("ld.sched.next")}
        </Button>
      </div>
      {sessions.error && !sessions.data ? <Alert>{`${t("ld.sched.loadFailed")} ${errors.message(sessions.error) ?? ""}`}</Alert> : null}
      {sessions.loading && !sessions.data ? <Loading /> : null}
      <TableScroll label={t("ld.sched.week", { date: format.date(startOfShanghaiDay(monday)) })}>
        <table className="data-table leader-week" data-testid="leader-week">
          <caption>{t("ld.sched.week", { date: format.date(startOfShanghaiDay(monday)) })}</caption>
          <tbody>
            {days.map((day) => {
              const today = list.filter((session) => sessionDay(session, monday) === day);
              return (
                <tr key={day} className={day === shanghaiDay() ? "leader-week__today" : undefined}>
                  <th scope="row">{format.date(startOfShanghaiDay(day))}</th>
                  <td>
                    {today.length === 0 ? (
                      <span className="leader-muted">{t("ld.sched.empty")}</span>
                    ) : (
                      <ul className="plain-list">
                        {today.map((session) => (
                          <li key={session.id} data-testid="leader-session">
                            <strong>
                              {time(session.startsAt)}–{time(session.endsAt)}
                            </strong>{" "}
                            {session.leaderName} · {session.leaderTitle} · {t("ld.form.seat")} {session.seat} · {t("ld.sched.tickets", { count: session.ticketCount ?? 0 })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="leader-forms">
        <ScheduleSessionForm leaders={leaderList} />
        <section className="card" aria-labelledby="assign-title">
          <h2 id="assign-title">{t("ld.assign.title")}</h2>
          <p className="page-intro">{t("ld.assign.intro")}</p>
          <AssignMatterForm leaders={leaderList} />
        </section>
      </div>
    </section>
  );
}
