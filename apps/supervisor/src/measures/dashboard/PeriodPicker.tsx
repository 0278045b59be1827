import { Button, Field, Select, TextInput } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { PERIOD_KINDS, validRange, type DayRange, type PeriodKind } from "./period.ts";
import { useDashboardT, type DashboardMessageKey } from "./messages.ts";

/** The period asked for: a kind and a day inside it, or a custom range. */
export type PeriodChoice = { kind: PeriodKind; anchor: string; custom: DayRange };

/** The period picker: day, week, month, quarter, year (containing a day) or a custom range of days. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const t = useDashboardT();
  const [draft, setDraft] = useState<PeriodChoice>(value);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.kind === "custom" ? !validRange(draft.custom) : !/^\d{4}-\d{2}-\d{2}$/.test(draft.anchor)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange(draft);
  };
  return (
    <form className="dash-period" onSubmit={submit} aria-label={t("dash.period")} data-testid="dash-period">
      <Field label={t("dash.period")}>
        <Select
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value as PeriodKind })}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`dash.period.${kind}` as DashboardMessageKey) }))}
          placeholder={null}
          data-testid="dash-period-kind"
        />
      </Field>
      {draft.kind === "custom" ? (
        <>
          <Field label={t("dash.period.from")} error={invalid ? t("dash.period.invalid") : undefined}>
            <TextInput type="date" value={draft.custom.from} onChange={(event) => setDraft({ ...draft, custom: { ...draft.custom, from: event.target.value } })} data-testid="dash-period-from" />
          </Field>
          <Field label={t("dash.period.to")}>
            <TextInput type="date" value={draft.custom.to} onChange={(event) => setDraft({ ...draft, custom: { ...draft.custom, to: event.target.value } })} data-testid="dash-period-to" />
          </Field>
        </>
      ) : (
        <Field label={t("dash.period.anchor")} error={invalid ? t("dash.period.invalid") : undefined}>
          <TextInput type="date" value={draft.anchor} onChange={(event) => setDraft({ ...draft, anchor: event.target.value })} data-testid="dash-period-anchor" />
        </Field>
      )}
      <Button type="submit" data-testid="dash-period-apply">
        {t("dash.period.apply")}
      </Button>
    </form>
  );
}
