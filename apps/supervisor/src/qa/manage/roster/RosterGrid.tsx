import { Button, TableScroll, useLanguage } from "@civicline/ui";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import type { QmRosterWeekQuery } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { weekDays } from "../week.ts";
import { ShiftEditor, type EditTarget } from "./ShiftEditor.tsx";
import { shiftHours, shiftsOn } from "./shifts.ts";

type Week = QmRosterWeekQuery["qaRosterWeek"];

/** "周一 11/30" / "Mon 11/30" for a column header. */
export function useDayLabel(): (day: string) => string {
  const { language } = useLanguage();
  return (day) => {
    const weekday = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", { weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
    return `${weekday} ${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
  };
}

/**
 * The week as a table: one row per call-taker, one column per day, each cell the shifts starting
 * that day (seat and hours). A lead edits a shift by its button, or adds one with the cell's "+".
 */
export function RosterGrid({ week, monday, teamName, canEdit, onSaved }: { week: Week; monday: string; teamName: string; canEdit: boolean; onSaved: () => void }) {
  const t = useQaManageT();
  const dayLabel = useDayLabel();
  const days = weekDays(monday);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The button that opened the editor gets the focus back when it closes (keyboard users stay in place).
  const opener = useRef<HTMLElement | null>(null);
  const [closedAt, setClosedAt] = useState(0);
  useEffect(() => {
    if (closedAt > 0 && opener.current?.isConnected) {
      opener.current.focus();
    }
  }, [closedAt]);
  const open = (event: MouseEvent<HTMLElement>, target: EditTarget) => {
    opener.current = event.currentTarget;
    setEditing(target);
  };
  const close = () => {
    setEditing(null);
    setClosedAt(Date.now());
  };
  const caption = t("qm.roster.caption", { team: teamName, week: monday });
  return (
    <>
      <TableScroll label={caption} testId="qa-roster-table">
        <table className="data-table qm-roster">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("qm.roster.member")}</th>
              {days.map((day) => (
                <th scope="col" key={day}>
                  {dayLabel(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {week.people.map((person) => (
              <tr key={person.id} data-testid="qa-roster-row">
                <th scope="row">{person.displayName}</th>
                {days.map((day) => {
                  const shifts = shiftsOn(week.shifts, person.id, day);
                  const where = { name: person.displayName, day: dayLabel(day) };
                  return (
                    <td key={day} className="qm-roster__cell">
                      {shifts.length === 0 && !canEdit ? <span className="qm-muted">{t("qm.roster.off")}</span> : null}
                      {shifts.map((shift) =>
                        canEdit ? (
                          <Button key={shift.id} variant="ghost" className="qm-shift" aria-label={`${t("qm.roster.edit", where)}: ${shift.seatCode} ${shiftHours(shift)}`} onClick={(event) => open(event, { person, day, shift })}>
                            <strong>{shift.seatCode}</strong> {shiftHours(shift)}
                          </Button>
                        ) : (
                          <span key={shift.id} className="qm-shift">
                            <strong>{shift.seatCode}</strong> {shiftHours(shift)}
                          </span>
                        ),
                      )}
                      {canEdit ? (
                        <Button variant="ghost" className="qm-shift-add" aria-label={t("qm.roster.edit", where)} onClick={(event) => open(event, { person, day, shift: null })}>
                          {shifts.length === 0 ? `${t("qm.roster.off")} ＋` : "＋"}
                        </Button>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div aria-live="polite">{saved ? <p className="alert alert--success" data-testid="qa-roster-saved">{saved}</p> : null}</div>
      {editing ? (
        <ShiftEditor
          key={`${editing.person.id}-${editing.day}-${editing.shift?.id ?? "new"}`}
          target={editing}
          dayLabel={dayLabel(editing.day)}
          seats={week.seats.filter((seat) => seat.active || seat.code === editing.shift?.seatCode)}
          onClose={close}
          onSaved={() => {
            setSaved(t("qm.roster.saved", { name: editing.person.displayName, day: dayLabel(editing.day) }));
            close();
            onSaved();
          }}
        />
      ) : null}
    </>
  );
}
