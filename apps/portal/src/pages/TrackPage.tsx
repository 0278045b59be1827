import { useLazyQuery } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, TextInput, useErrorMessage, useFieldErrors } from "@civicline/ui";
import { useRef, useState, type FormEvent } from "react";
import { TrackTicketDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { normalizePhone } from "../submit/validate.ts";
import { TrackResult } from "../track/TrackResult.tsx";

/** Tracking number + phone → the public view of the request. `initialNumber` comes from `?n=`. */
export function TrackPage({ initialNumber = "" }: { initialNumber?: string }) {
  const t = usePortalT();
  const errorMessage = useErrorMessage();
  const [trackingNumber, setTrackingNumber] = useState(initialNumber);
  const [phone, setPhone] = useState("");
  const [missing, setMissing] = useState<{ trackingNumber?: boolean; phone?: boolean }>({});
  const [track, { data, error, loading }] = useLazyQuery(TrackTicketDocument, { fetchPolicy: "network-only" });
  const outcomeRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextMissing = { trackingNumber: trackingNumber.trim() === "", phone: phone.trim() === "" };
    setMissing(nextMissing);
    if (nextMissing.trackingNumber || nextMissing.phone) {
      return;
    }
    try {
      await track({ variables: { trackingNumber: trackingNumber.trim(), phone: normalizePhone(phone) } });
    } catch {
      // Shown from the hook's `error`.
    }
    requestAnimationFrame(() => outcomeRef.current?.querySelector<HTMLElement>("h2, [role=alert]")?.focus());
  };

  const code = errorCode(error);
  const serverFields = useFieldErrors()(error);
  const required = t("common.required");
  return (
    <>
      <h1 tabIndex={-1}>{t("track.title")}</h1>
      <form className="form card" onSubmit={onSubmit} noValidate data-testid="track-form">
        <p className="form__intro">{t("track.intro")}</p>
        <div className="form-row">
          <Field
            id="track-number"
            label={t("track.number")}
            error={missing.trackingNumber ? required : serverFields.trackingNumber}
          >
            <TextInput
              name="trackingNumber"
              className="mono"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={trackingNumber}
              onChange={(event) => setTrackingNumber(event.target.value)}
            />
          </Field>
          <Field id="track-phone" label={t("track.phone")} error={missing.phone ? required : serverFields.phone}>
            <TextInput type="tel" name="phone" inputMode="tel" autoComplete="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
          </Field>
        </div>
        <div className="button-row">
          <Button type="submit" busy={loading} data-testid="track-submit">
            {loading ? t("track.searching") : t("track.submit")}
          </Button>
        </div>
      </form>
      <div ref={outcomeRef} className="outcome">
        {error && code === "INTAKE/TICKET_NOT_FOUND" ? (
          <div tabIndex={-1} role="alert" className="alert alert--error" data-testid="track-not-found">
            {t("track.notFound")}
          </div>
        ) : error && Object.keys(serverFields).length === 0 ? (
          <Alert>{errorMessage(error)}</Alert>
        ) : null}
        {!error && data ? <TrackResult ticket={data.trackTicket} /> : null}
      </div>
    </>
  );
}
