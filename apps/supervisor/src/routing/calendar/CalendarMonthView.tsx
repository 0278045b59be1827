import { useQuery } from "@apollo/client/react";
import { Alert, Button, Loading, useLanguage, useRoutingErrorMessage, type Language } from "@civicline/ui";
import { CalendarMonthDocument, type CalendarMonthQuery } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";

type Day = CalendarMonthQuery["calendarMonth"][number];

/** Monday-first weekday names in the UI language. */
function weekdays(language: Language): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + index)));
}

/** Empty cells before the 1st so that the grid starts on Monday. */
function leadingBlanks(year: number, month: number): number {
  return (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
}

/** The official data names a holiday "National Day,国庆节,3" (English, Chinese, length): the name in the UI language. */
function holidayName(note: string, language: Language): string {
  const parts = /^([^,]+),([^,]+),\d+$/.exec(note);
  return parts ? (language === "en" ? parts[1]! : parts[2]!) : note;
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * A month of the working calendar as a grid (Monday first): each day working or off as deadlines
 * count it, with where that comes from (an override, an official holiday or make-up day, or the
 * weekday rule). Choosing a day fills the form to change it.
 */
export function CalendarMonthView({ year, month, onMonthChange, onPick }: { year: number; month: number; onMonthChange: (month: number) => void; onPick: (day: Day) => void }) {
  const t = useSupervisorRoutingT();
  const { language } = useLanguage();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error } = useQuery(CalendarMonthDocument, { variables: { year, month }, fetchPolicy: "cache-and-network" });
  const title = new Intl.DateTimeFormat(language, { year: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 1));
  const days = data?.calendarMonth ?? [];
  const cells: Array<Day | null> = [...Array.from({ length: leadingBlanks(year, month) }, () => null), ...days];
  const weeks: Array<Array<Day | null>> = [];
  for (let index = 0; index < cells.length; index += 7) {
    weeks.push([...cells.slice(index, index + 7), ...Array.from({ length: Math.max(0, index + 7 - cells.length) }, () => null)]);
  }
  const describe = (day: Day) => {
    const kind = t(day.working ? "sr.cal.working" : "sr.cal.off");
    if (day.source === "OVERRIDE") {
      return t("sr.cal.month.override", { kind });
    }
    if (day.source === "OFFICIAL") {
      return day.working && isWeekend(day.day) ? t("sr.cal.month.makeUp") : day.note ? holidayName(day.note, language) : kind;
    }
    return day.maintained || !day.working ? kind : t("sr.cal.month.unmaintained");
  };
  return (
    <section className="card calendar-month-view" aria-labelledby="calendar-month-title" data-testid="calendar-month-view">
      <div className="calendar-month-view__header">
        <Button variant="ghost" onClick={() => onMonthChange(month - 1)} disabled={month <= 1} aria-label={t("sr.cal.month.previous")}>
          ‹
        </Button>
        <h2 id="calendar-month-title" aria-live="polite">
          {title}
        </h2>
        <Button variant="ghost" onClick={() => onMonthChange(month + 1)} disabled={month >= 12} aria-label={t("sr.cal.month.next")}>
          ›
        </Button>
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <Alert>{errorMessage(error)}</Alert> : null}
      {data ? (
        <table className="calendar-grid">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {weekdays(language).map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, weekIndex) => (
              <tr key={weekIndex}>
                {week.map((day, dayIndex) =>
                  day ? (
                    <td key={day.day} className={`calendar-grid__day calendar-grid__day--${day.working ? "working" : "off"}${day.source === "OVERRIDE" ? " calendar-grid__day--override" : ""}`} data-testid="calendar-day-cell" data-day={day.day} data-working={day.working}>
                      <button type="button" className="calendar-grid__button" onClick={() => onPick(day)} aria-label={t("sr.cal.month.pick", { day: day.day, state: describe(day) })}>
                        <span className="calendar-grid__number">{Number(day.day.slice(8))}</span>
                        <span className="calendar-grid__state">{describe(day)}</span>
                      </button>
                    </td>
                  ) : (
                    <td key={`blank-${weekIndex}-${dayIndex}`} className="calendar-grid__blank" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="calendar-month-view__legend">{t("sr.cal.month.legend")}</p>
    </section>
  );
}
