import { useMutation } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, Select, TextInput, useErrorMessage, useFieldErrors } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { QmRemoveShiftDocument, QmSaveShiftDocument, type QmShiftFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { shanghaiTime } from "../shanghai.ts";
import { isTime, shiftInstants } from "./shifts.ts";

export type EditTarget = { person: { id: string; displayName: string }; day: string; shift: QmShiftFieldsFragment | null };

/** Default hours of a new shift (the day shift). */
const DEFAULT_HOURS = { start: "08:00", end: "16:00" };

/**
 * One cell's shift: seat, start and end (an end at or before the start is the next morning). Saving
 * an existing shift changes it; removing it leaves the person off that day.
 */
export function ShiftEditor({ target, dayLabel, seats, onClose, onSaved }: { target: EditTarget; dayLabel: string; seats: readonly { code: string; name: string }[]; onClose: () => void; onSaved: () => void }) {
  const t = useQaManageT();
  const errorMessage = useErrorMessage();
  const toFieldErrors = useFieldErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const [seatCode, setSeatCode] = useState(target.shift?.seatCode ?? "");
  const [start, setStart] = useState(target.shift ? shanghaiTime(target.shift.startsAt) : DEFAULT_HOURS.start);
  const [end, setEnd] = useState(target.shift ? shanghaiTime(target.shift.endsAt) : DEFAULT_HOURS.end);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [save, saving] = useMutation(QmSaveShiftDocument);
  const [remove, removing] = useMutation(QmRemoveShiftDocument);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!seatCode) {
      problems.seatCode = t("qm.roster.seatRequired");
    }
    if (!isTime(start)) {
      problems.startsAt = t("qm.roster.badTime");
    }
    if (!isTime(end)) {
      problems.endsAt = t("qm.roster.badTime");
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    const result = await save({ variables: { input: { id: target.shift?.id ?? null, seatCode, callTakerId: target.person.id, ...shiftInstants(target.day, start, end) } } }).catch(() => null);
    if (result?.data) {
      onSaved();
    }
  };
  const drop = async () => {
    if (!target.shift) {
      return;
    }
    const result = await remove({ variables: { id: target.shift.id } }).catch(() => null);
    if (result?.data) {
      onSaved();
    }
  };
  const error = saving.error ?? removing.error;
  const server = saving.error ? toFieldErrors(saving.error) : {};
  const problem = (field: string) => local[field] ?? server[field];
  const general = error && Object.keys(server).length === 0 ? (errorCode(error) === "QA/SHIFT_OVERLAP" ? t("qm.roster.overlap") : errorMessage(error)) : null;
  return (
    <section className="card qm-editor" aria-labelledby="qm-shift-title" data-testid="qa-shift-editor">
      <h2 id="qm-shift-title" ref={heading} tabIndex={-1}>
        {t("qm.roster.editTitle", { name: target.person.displayName, day: dayLabel })}
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="qm-shift-title">
        <div className="qm-editor__row">
          <Field label={t("qm.roster.seat")} error={problem("seatCode")}>
            <Select value={seatCode} onChange={(event) => setSeatCode(event.target.value)} placeholder={t("qm.roster.chooseSeat")} options={seats.map((seat) => ({ value: seat.code, label: seat.name && seat.name !== seat.code ? `${seat.code} · ${seat.name}` : seat.code }))} />
          </Field>
          <Field label={t("qm.roster.start")} error={problem("startsAt")}>
            <TextInput type="time" value={start} onChange={(event) => setStart(event.target.value)} />
          </Field>
          <Field label={t("qm.roster.end")} error={problem("endsAt")} hint={t("qm.roster.endHint")}>
            <TextInput type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
          </Field>
        </div>
        <div aria-live="polite">{general ? <Alert>{general}</Alert> : null}</div>
        <div className="button-row">
          <Button type="submit" busy={saving.loading}>
            {t("qm.roster.save")}
          </Button>
          {target.shift ? (
            <Button variant="secondary" busy={removing.loading} onClick={() => void drop()}>
              {t("qm.roster.remove")}
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            {t("qm.roster.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
