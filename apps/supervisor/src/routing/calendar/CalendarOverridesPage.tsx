import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, Loading, Select, TextInput, useAppPath, useLanguage, useRoutingErrorMessage, type Language } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { CalendarOverridesDocument, SetCalendarOverrideDocument } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";
import { CalendarMonthView } from "./CalendarMonthView.tsx";
import { CalendarYearForm } from "./CalendarYearForm.tsx";
import { useCalendarYearT } from "./calendarYearMessages.ts";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar year in China now. */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
}

/** Whether `day` is a real YYYY-MM-DD date in `year`. */
export function isDayInYear(day: string, year: number): boolean {
  const match = DAY.exec(day);
  if (!match || Number(match[1]) !== year) {
    return false;
  }
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

function monthName(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" }).format(Date.UTC(year, month, 1));
}

function dayLabel(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: "short", day: "numeric", weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The year asked for in `?year=` (the coverage banner's link), if it is one the page offers. */
function requestedYear(search: string, offered: readonly number[]): number | null {
  const asked = Number(new URLSearchParams(search).get("year"));
  return offered.includes(asked) ? asked : null;
}

/** The month shown first: this month in this year, January in another. */
function firstMonth(year: number, now = new Date()): number {
  return year === currentYear(now) ? Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", month: "numeric" }).format(now)) : 1;
}

/** Admin: a month view of the working calendar, a year's overrides by month, a form to set one day, and one to enter the whole year. */
export function CalendarOverridesPage() {
  const t = useSupervisorRoutingT();
  const ty = useCalendarYearT();
  const { language } = useLanguage();
  const { search } = useAppPath();
  const errorMessage = useRoutingErrorMessage();
  const thisYear = currentYear();
  const offeredYears = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const [year, setYear] = useState(() => requestedYear(search, offeredYears) ?? thisYear);
  const [month, setMonth] = useState(() => firstMonth(year));
  const [yearFormOpen, setYearFormOpen] = useState(() => requestedYear(search, offeredYears) !== null);
  const [day, setDay] = useState("");
  const [working, setWorking] = useState(true);
  const [note, setNote] = useState("");
  const [dayInvalid, setDayInvalid] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const { data, loading, error } = useQuery(CalendarOverridesDocument, { variables: { year }, fetchPolicy: "cache-and-network" });
  const [setOverride, saving] = useMutation(SetCalendarOverrideDocument, { refetchQueries: ["CalendarOverrides", "CalendarMonth"] });
  const overrides = [...(data?.calendarOverrides ?? [])].sort((a, b) => a.day.localeCompare(b.day));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isDayInYear(day, year)) {
      setDayInvalid(true);
      return;
    }
    setDayInvalid(false);
    setSaveError(null);
    try {
      await setOverride({ variables: { day, working, note: note.trim() || null } });
      setSaved(t("sr.cal.saved", { day: dayLabel(day, language), kind: t(working ? "sr.cal.working" : "sr.cal.off") }));
    } catch (caught) {
      setSaveError(caught);
    }
  };
  const edit = (entry: { day: string; working: boolean; note: string | null }) => {
    setDay(entry.day);
    setWorking(entry.working);
    setNote(entry.note ?? "");
    setSaved(null);
    document.getElementById("calendar-day")?.focus();
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("sr.cal.title")}</h1>
      <p className="page-intro">{t("sr.cal.intro")}</p>
      <Field label={t("sr.cal.year")}>
        <Select
          value={String(year)}
          placeholder={null}
          options={offeredYears.map((value) => ({ value: String(value), label: String(value) }))}
          onChange={(event) => {
            setYear(Number(event.target.value));
            setMonth(firstMonth(Number(event.target.value)));
          }}
          data-testid="calendar-year"
        />
      </Field>
      <CalendarMonthView year={year} month={month} onMonthChange={setMonth} onPick={(picked) => edit({ day: picked.day, working: picked.working, note: picked.source === "OVERRIDE" ? picked.note : null })} />
      {yearFormOpen ? null : (
        <p>
          <Button variant="secondary" onClick={() => setYearFormOpen(true)} disabled={!data}>
            {ty("cy.open", { year })}
          </Button>
        </p>
      )}
      {yearFormOpen && data ? (
        <CalendarYearForm
          key={year}
          year={year}
          overrides={data.calendarOverrides}
          onSaved={(message) => {
            setYearFormOpen(false);
            setSaved(message);
          }}
          onCancel={() => setYearFormOpen(false)}
        />
      ) : null}
      <form hidden={yearFormOpen} className="card calendar-form" onSubmit={(event) => void submit(event)} aria-labelledby="calendar-form-title" noValidate>
        <h2 id="calendar-form-title">{t("sr.cal.formTitle")}</h2>
        <Field label={t("sr.cal.day")} id="calendar-day" error={dayInvalid ? t("sr.cal.dayInvalid") : undefined}>
          <TextInput type="date" min={`${year}-01-01`} max={`${year}-12-31`} value={day} onChange={(event) => setDay(event.target.value)} data-testid="calendar-day" />
        </Field>
        <fieldset className="radio-group">
          <legend>{t("sr.cal.kind")}</legend>
          <label className="radio-group__option">
            <input type="radio" name="calendar-kind" checked={working} onChange={() => setWorking(true)} /> {t("sr.cal.workingOption")}
          </label>
          <label className="radio-group__option">
            <input type="radio" name="calendar-kind" checked={!working} onChange={() => setWorking(false)} /> {t("sr.cal.offOption")}
          </label>
        </fieldset>
        <Field label={t("sr.cal.note")} optional>
          <TextInput value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} data-testid="calendar-note" />
        </Field>
        {saveError ? <Alert>{errorMessage(saveError)}</Alert> : null}
        <div aria-live="polite">{saved ? <Alert tone="success">{saved}</Alert> : null}</div>
        <Button type="submit" busy={saving.loading} data-testid="calendar-save">
          {t("sr.cal.save")}
        </Button>
      </form>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <Alert>{`${t("sr.cal.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {data && overrides.length === 0 ? <EmptyState title={t("sr.cal.empty")} /> : null}
      {overrides.length > 0 ? (
        <div className="calendar-months" data-testid="calendar-overrides">
          {Array.from({ length: 12 }, (_, month) => {
            const entries = overrides.filter((entry) => Number(entry.day.slice(5, 7)) === month + 1);
            return entries.length === 0 ? null : (
              <section key={month} className="calendar-month" aria-labelledby={`calendar-month-${month}`}>
                <h2 id={`calendar-month-${month}`}>{monthName(year, month, language)}</h2>
                <ul className="plain-list">
                  {entries.map((entry) => (
                    <li key={entry.day} data-testid="calendar-override" data-day={entry.day}>
                      <time dateTime={entry.day}>{dayLabel(entry.day, language)}</time>{" "}
                      <span className={entry.working ? "badge badge--warning" : "badge badge--done"}>{t(entry.working ? "sr.cal.working" : "sr.cal.off")}</span>
                      {entry.note ? ` ${entry.note}` : null}{" "}
                      <Button variant="ghost" onClick={() => edit(entry)}>
                        {t("sr.cal.change", { day: dayLabel(entry.day, language) })}
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
