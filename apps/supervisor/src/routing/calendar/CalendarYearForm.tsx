import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextInput, fieldErrors, useRoutingErrorMessage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { SetCalendarYearDocument } from "../../gql/graphql.ts";
import { isScheduleErrorCode, useCalendarYearT } from "./calendarYearMessages.ts";
import { checkYearSchedule, rowKey, scheduleFromOverrides, type HolidayRow, type ScheduleErrors, type WorkdayRow } from "./yearSchedule.ts";

export type CalendarYearFormProps = {
  year: number;
  /** The year's current overrides: the form starts from them, since saving replaces them all. */
  overrides: ReadonlyArray<{ day: string; working: boolean; note: string | null }>;
  onSaved(message: string): void;
  onCancel(): void;
};

/** Admin: a whole year's holidays (date ranges) and make-up working days, checked per row and saved in one transaction. */
export function CalendarYearForm({ year, overrides, onSaved, onCancel }: CalendarYearFormProps) {
  const t = useCalendarYearT();
  const errorMessage = useRoutingErrorMessage();
  const [initial] = useState(() => scheduleFromOverrides(overrides));
  const [holidays, setHolidays] = useState<HolidayRow[]>(initial.holidays.length > 0 ? initial.holidays : [{ key: rowKey(), name: "", start: "", end: "" }]);
  const [workdays, setWorkdays] = useState<WorkdayRow[]>(initial.workdays);
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [save, saving] = useMutation(SetCalendarYearDocument, { refetchQueries: ["CalendarOverrides", "CalendarCoverage"] });

  const message = (field: string): string | undefined => {
    const code = errors[field];
    if (code === undefined) {
      return undefined;
    }
    return isScheduleErrorCode(code) ? t(`cy.err.${code}`, { year }) : code;
  };
  const updateHoliday = (key: number, change: Partial<HolidayRow>) =>
    setHolidays((rows) =>
      rows.map((row) => {
        if (row.key !== key) {
          return row;
        }
        // One-day holidays are common: the last day follows the first until it is set.
        return change.start && !row.end ? { ...row, ...change, end: change.start } : { ...row, ...change };
      }),
    );
  const updateWorkday = (key: number, change: Partial<WorkdayRow>) => setWorkdays((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    const found = checkYearSchedule(year, { holidays, workdays });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    try {
      const result = await save({
        variables: {
          input: {
            year,
            holidays: holidays.map(({ name, start, end }) => ({ name: name.trim(), start, end })),
            workdays: workdays.map(({ day, name }) => ({ day, name: name.trim() || null })),
          },
        },
      });
      onSaved(t("cy.saved", { year, days: result.data?.setCalendarYear.changedDays ?? 0 }));
    } catch (caught) {
      // Codes the server found (stable, as the form's own) land on their rows; anything else above the button.
      const fromServer = fieldErrors(caught, (entry) => entry.code);
      setErrors(fromServer);
      setSaveError(Object.keys(fromServer).length > 0 ? null : caught);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="card calendar-year-form" onSubmit={(event) => void submit(event)} aria-labelledby="calendar-year-title" noValidate>
      <h2 id="calendar-year-title">{t("cy.title", { year })}</h2>
      <p className="page-intro">{t("cy.intro", { year })}</p>
      <h3>{t("cy.holidays")}</h3>
      {holidays.map((row, index) => {
        const n = index + 1;
        const rowError = message(`holidays.${index}`);
        return (
          <fieldset key={row.key} className="calendar-year-row" aria-describedby={rowError ? `holiday-${row.key}-error` : undefined}>
            <legend>{t("cy.holiday", { n })}</legend>
            <Field label={t("cy.holidayName")} error={message(`holidays.${index}.name`)}>
              <TextInput value={row.name} maxLength={200} onChange={(event) => updateHoliday(row.key, { name: event.target.value })} />
            </Field>
            <Field label={t("cy.from")} error={message(`holidays.${index}.start`)}>
              <TextInput type="date" min={`${year}-01-01`} max={`${year}-12-31`} value={row.start} onChange={(event) => updateHoliday(row.key, { start: event.target.value })} />
            </Field>
            <Field label={t("cy.to")} error={message(`holidays.${index}.end`)}>
              <TextInput type="date" min={`${year}-01-01`} max={`${year}-12-31`} value={row.end} onChange={(event) => updateHoliday(row.key, { end: event.target.value })} />
            </Field>
            <Button variant="ghost" onClick={() => setHolidays((rows) => rows.filter((other) => other.key !== row.key))}>
              {t("cy.removeHoliday", { n })}
            </Button>
            {rowError ? (
              <p className="field__error calendar-year-row__error" id={`holiday-${row.key}-error`}>
                {rowError}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={() => setHolidays((rows) => [...rows, { key: rowKey(), name: "", start: "", end: "" }])}>
        {t("cy.addHoliday")}
      </Button>
      <h3>{t("cy.workdays")}</h3>
      {workdays.length === 0 ? <p>{t("cy.none")}</p> : null}
      {workdays.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key} className="calendar-year-row calendar-year-row--workday">
            <legend>{t("cy.workdayRow", { n })}</legend>
            <Field label={t("cy.workday")} error={message(`workdays.${index}.day`)}>
              <TextInput type="date" min={`${year}-01-01`} max={`${year}-12-31`} value={row.day} onChange={(event) => updateWorkday(row.key, { day: event.target.value })} />
            </Field>
            <Field label={t("cy.workdayName")} optional error={message(`workdays.${index}.name`)}>
              <TextInput value={row.name} maxLength={200} onChange={(event) => updateWorkday(row.key, { name: event.target.value })} />
            </Field>
            <Button variant="ghost" onClick={() => setWorkdays((rows) => rows.filter((other) => other.key !== row.key))}>
              {t("cy.removeWorkday", { n })}
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={() => setWorkdays((rows) => [...rows, { key: rowKey(), day: "", name: "" }])}>
        {t("cy.addWorkday")}
      </Button>
      {hasErrors ? <Alert>{t("cy.fixErrors")}</Alert> : null}
      {saveError ? <Alert>{errorMessage(saveError)}</Alert> : null}
      <div className="calendar-year-form__actions">
        <Button type="submit" busy={saving.loading}>
          {t("cy.save", { year })}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("cy.cancel")}
        </Button>
      </div>
    </form>
  );
}
