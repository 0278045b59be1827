import { Button, Field, isIsoDay, Select, TextInput } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { useSupervisorKnowledgeT } from "../messages.ts";
import { PERIOD_PRESETS, presetPeriod, type Period, type PeriodPreset } from "./period.ts";

function isPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** This month / last month / this year apply at once; chosen dates apply with "Show". */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const t = useSupervisorKnowledgeT();
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);

  const onPreset = (preset: PeriodPreset) => {
    const next = preset === "custom" ? { ...value, preset } : presetPeriod(preset);
    setDraft(next);
    setInvalid(false);
    if (preset !== "custom") {
      onChange(next);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isIsoDay(draft.from) || !isIsoDay(draft.to) || draft.from > draft.to) {
      setInvalid(true);
      return;
    }
    onChange(draft);
  };

  return (
    <form className="kb-period" onSubmit={onSubmit} noValidate data-testid="kb-period">
      <Field id="kb-period-preset" label={t("kbs.stats.period")}>
        <Select
          placeholder={null}
          value={draft.preset}
          options={PERIOD_PRESETS.map((preset) => ({ value: preset, label: t(`kbs.stats.preset.${preset}`) }))}
          onChange={(event) => isPreset(event.target.value) && onPreset(event.target.value)}
        />
      </Field>
      {draft.preset === "custom" ? (
        <>
          <Field id="kb-period-from" label={t("kbs.stats.from")} error={invalid ? t("kbs.stats.invalidRange") : undefined}>
            <TextInput type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          </Field>
          <Field id="kb-period-to" label={t("kbs.stats.to")}>
            <TextInput type="date" value={draft.to} min={draft.from} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          </Field>
          <Button type="submit" variant="secondary" data-testid="kb-period-show">
            {t("kbs.stats.show")}
          </Button>
        </>
      ) : null}
    </form>
  );
}
