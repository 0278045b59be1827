import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, Select, TextInput, shanghaiDay } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { ScheduleLeaderSessionDocument } from "../gql/graphql.ts";
import { useLeaderErrors, useLeaderT } from "./messages.ts";

/** A Beijing-time day and HH:MM as an ISO timestamp (null when incomplete). */
function beijing(day: string, time: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && /^\d{2}:\d{2}$/.test(time) ? new Date(`${day}T${time}:00+08:00`).toISOString() : null;
}

/** Supervisors and admins schedule a leader session at a seat. */
export function ScheduleSessionForm({ leaders }: { leaders: ReadonlyArray<{ id: string; displayName: string }> }) {
  const t = useLeaderT();
  const errors = useLeaderErrors();
  const [form, setForm] = useState({ leaderId: "", seat: "", day: shanghaiDay(), start: "09:00", end: "11:00", leaderTitle: "", leaderUnit: "" });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [schedule, scheduling] = useMutation(ScheduleLeaderSessionDocument, { refetchQueries: ["LeaderSessions"] });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    const startsAt = beijing(form.day, form.start);
    const endsAt = beijing(form.day, form.end);
    const absent: Record<string, string> = {};
    if (!startsAt) {
      absent.startsAt = t("field.REQUIRED" as never);
    }
    if (!endsAt) {
      absent.endsAt = t("field.REQUIRED" as never);
    }
    setMissing(absent);
    if (!startsAt || !endsAt) {
      return;
    }
    try {
      await schedule({
        variables: {
          input: {
            leaderId: form.leaderId,
            seat: form.seat,
            startsAt,
            endsAt,
            leaderTitle: form.leaderTitle,
            leaderUnit: form.leaderUnit,
          },
        },
      });
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  };
  const fields = { ...(error ? errors.fields(error) : {}), ...missing };
  return (
    <form className="card leader-form" onSubmit={(event) => void submit(event)} aria-labelledby="schedule-title" data-testid="schedule-form" noValidate>
      <h2 id="schedule-title">{t("ld.form.title")}</h2>
      <div aria-live="polite">{done ? <Alert tone="success" testId="schedule-done">{t("ld.form.done")}</Alert> : null}</div>
      {error && Object.keys(errors.fields(error)).length === 0 ? <Alert>{errors.message(error)}</Alert> : null}
      <div className="leader-form__grid">
        <Field label={t("ld.form.leader")} error={fields.leaderId}>
          <Select value={form.leaderId} onChange={set("leaderId")} options={leaders.map((leader) => ({ value: leader.id, label: leader.displayName }))} data-testid="schedule-leader" />
        </Field>
        <Field label={t("ld.form.seat")} hint={t("ld.form.seatHint")} error={fields.seat}>
          <TextInput value={form.seat} onChange={set("seat")} autoComplete="off" data-testid="schedule-seat" />
        </Field>
        <Field label={t("ld.form.date")} error={fields.startsAt}>
          <TextInput type="date" value={form.day} onChange={set("day")} data-testid="schedule-day" />
        </Field>
        <Field label={t("ld.form.start")}>
          <TextInput type="time" value={form.start} onChange={set("start")} data-testid="schedule-start" />
        </Field>
        <Field label={t("ld.form.end")} error={fields.endsAt}>
          <TextInput type="time" value={form.end} onChange={set("end")} data-testid="schedule-end" />
        </Field>
        <Field label={t("ld.form.leaderTitle")} hint={t("ld.form.leaderTitleHint")} error={fields.leaderTitle}>
          <TextInput value={form.leaderTitle} onChange={set("leaderTitle")} data-testid="schedule-title" />
        </Field>
        <Field label={t("ld.form.leaderUnit")} error={fields.leaderUnit}>
          <TextInput value={form.leaderUnit} onChange={set("leaderUnit")} data-testid="schedule-unit" />
        </Field>
      </div>
      <Button type="submit" busy={scheduling.loading} data-testid="schedule-submit">
        {t("ld.form.submit")}
      </Button>
    </form>
  );
}
