import { Button, Field, TextInput } from "@civicline/ui";
import { useState } from "react";
import { useQaManageT } from "./messages.ts";
import { shanghaiToday } from "./shanghai.ts";
import { addDays, isDay, mondayOf } from "./week.ts";

/** The week shown (its Monday): previous / this / next week, or any day typed (snapped to its Monday). */
export function WeekPicker({ monday, onChange }: { monday: string; onChange: (monday: string) => void }) {
  const t = useQaManageT();
  const [typed, setTyped] = useState(monday);
  const [shown, setShown] = useState(monday);
  if (shown !== monday) {
    setShown(monday);
    setTyped(monday);
  }
  return (
    <div className="qm-week" role="group" aria-label={t("qm.weekGroup")}>
      <Button variant="secondary" onClick={() => onChange(addDays(monday, -7))}>
        {t("qm.prevWeek")}
      </Button>
      <Field label={t("qm.week")}>
        <TextInput
          type="date"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            if (isDay(event.target.value)) {
              onChange(mondayOf(event.target.value));
            }
          }}
        />
      </Field>
      <Button variant="secondary" onClick={() => onChange(addDays(monday, 7))}>
        {t("qm.nextWeek")}
      </Button>
      <Button variant="ghost" onClick={() => onChange(mondayOf(shanghaiToday()))}>
        {t("qm.thisWeek")}
      </Button>
    </div>
  );
}
