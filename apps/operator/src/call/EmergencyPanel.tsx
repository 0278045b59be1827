import { Alert, Button, Field, Select, TextInput, useFormat } from "@civicline/ui";
import { useState } from "react";
import type { EmergencyHandoffInput, LoggedTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { EMERGENCY_CHECKLIST, EMERGENCY_SERVICES, type ChecklistKey } from "./emergency.ts";

/** A hand-off noted before the call could be saved (sent when it is). */
export type PendingHandoff = EmergencyHandoffInput & { handedOffAt: string };

export type EmergencyPanelProps = {
  checked: ReadonlySet<ChecklistKey>;
  onToggle: (key: ChecklistKey) => void;
  handoffs: LoggedTicketFragment["emergencyHandoffs"];
  pending?: readonly PendingHandoff[];
  busy: boolean;
  /** Saves the call first when needed; resolves true when the hand-off was recorded. */
  onHandoff: (input: EmergencyHandoffInput) => Promise<boolean>;
};

/** 特急: the checklist to go through, and the hand-off to 110/119/120/122 with its reference number. */
export function EmergencyPanel({ checked, onToggle, handoffs, pending = [], busy, onHandoff }: EmergencyPanelProps) {
  const t = useOperatorT();
  const format = useFormat();
  const [service, setService] = useState("");
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<{ service?: string; reference?: string }>({});

  const submit = async () => {
    const next = {
      service: service ? undefined : t("common.required"),
      reference: reference.trim() ? undefined : t("common.required"),
    };
    setErrors(next);
    if (next.service || next.reference) {
      return;
    }
    const ok = await onHandoff({
      service: service as EmergencyHandoffInput["service"],
      reference: reference.trim(),
      checklist: EMERGENCY_CHECKLIST.filter((key) => checked.has(key)),
    });
    if (ok) {
      setService("");
      setReference("");
    }
  };

  return (
    <section className="emergency-panel" aria-labelledby="emergency-title" data-testid="emergency-checklist">
      <h3 id="emergency-title">{t("emergency.title")}</h3>
      <fieldset className="emergency-panel__checklist">
        <legend>{t("emergency.checklist")}</legend>
        {EMERGENCY_CHECKLIST.map((key, index) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              id={index === 0 ? "emergency-first-check" : undefined}
              checked={checked.has(key)}
              onChange={() => onToggle(key)}
              data-testid={`emergency-check-${key}`}
            />{" "}
            {t(`emergency.check.${key}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <Field id="handoff-service" label={t("emergency.service")} error={errors.service}>
          <Select
            data-testid="handoff-service"
            value={service}
            onChange={(event) => setService(event.target.value)}
            options={EMERGENCY_SERVICES.map((value) => ({ value, label: t(`emergency.service.${value}`) }))}
          />
        </Field>
        <Field id="handoff-reference" label={t("emergency.reference")} hint={t("emergency.reference.hint")} error={errors.reference}>
          <TextInput data-testid="handoff-reference" value={reference} onChange={(event) => setReference(event.target.value)} />
        </Field>
      </div>
      <div className="button-row">
        <Button variant="secondary" busy={busy} onClick={() => void submit()} data-testid="handoff-submit">
          {t("emergency.submit")}
        </Button>
      </div>
      {handoffs.length > 0 ? (
        <Alert tone="success" testId="handoff-recorded">
          <ul className="plain-list">
            {handoffs.map((handoff) => (
              <li key={`${handoff.service}-${handoff.handedOffAt}`}>
                {t("emergency.recorded", {
                  service: t(`emergency.service.${handoff.service}`),
                  reference: handoff.reference,
                  time: format.dateTime(handoff.handedOffAt),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {pending.length > 0 ? (
        <Alert tone="info" testId="handoff-pending">
          <ul className="plain-list">
            {pending.map((handoff) => (
              <li key={`${handoff.service}-${handoff.handedOffAt}`}>
                {t("emergency.pending", {
                  service: t(`emergency.service.${handoff.service}`),
                  reference: handoff.reference,
                  time: format.dateTime(handoff.handedOffAt),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </section>
  );
}
