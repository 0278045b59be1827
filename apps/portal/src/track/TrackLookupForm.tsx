import { useMutation } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, graphQLErrors, TextInput, useErrorMessage, useFieldErrors } from "@civicline/ui";
import { useRef, useState, type FormEvent } from "react";
import { RequestTrackingCodeDocument, type RequestTrackingCodeMutation } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { normalizePhone } from "../submit/validate.ts";

export type CodeRequest = RequestTrackingCodeMutation["requestTrackingCode"] & { trackingNumber: string; phone: string };

/** The retry delay a rate-limit error carries, in seconds. */
export function retryAfterOf(error: unknown): number | null {
  const value = graphQLErrors(error)[0]?.extensions?.retryAfterSeconds;
  return typeof value === "number" ? value : null;
}

/** Step 1: tracking number + phone → a code is texted (the answer is the same when they do not match). */
export function TrackLookupForm({ initialNumber, notice, onSent }: { initialNumber: string; notice?: string; onSent: (request: CodeRequest) => void }) {
  const t = usePortalT();
  const errorMessage = useErrorMessage();
  const localizeFields = useFieldErrors();
  const [trackingNumber, setTrackingNumber] = useState(initialNumber);
  const [phone, setPhone] = useState("");
  const [errors, setErrors] = useState<{ trackingNumber?: string; phone?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [requestCode, { loading }] = useMutation(RequestTrackingCodeDocument);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstError = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true], [role=alert]")?.focus());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const required = t("common.required");
    const missing = { trackingNumber: trackingNumber.trim() ? undefined : required, phone: phone.trim() ? undefined : required };
    setErrors(missing);
    setGeneral(null);
    if (missing.trackingNumber || missing.phone) {
      focusFirstError();
      return;
    }
    // sendCode reports its own failure in the form, so nothing is left to await.
    void sendCode({ trackingNumber: trackingNumber.trim().toUpperCase(), phone: normalizePhone(phone) });
  };

  const sendCode = async (variables: { trackingNumber: string; phone: string }) => {
    try {
      const { data } = await requestCode({ variables });
      if (data) {
        onSent({ ...data.requestTrackingCode, ...variables });
      }
    } catch (error) {
      const fields = localizeFields(error);
      setErrors({ trackingNumber: fields.trackingNumber, phone: fields.phone });
      const wait = retryAfterOf(error);
      setGeneral(
        errorCode(error) === "INTAKE/OTP_RATE_LIMITED" && wait !== null
          ? t("track.rateLimited", { seconds: wait })
          : Object.keys(fields).length === 0
            ? (errorMessage(error) ?? t("error.UNKNOWN"))
            : null,
      );
      focusFirstError();
    }
  };

  return (
    <form ref={formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="track-form">
      <p className="form__intro">{t("track.intro")}</p>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {general ? (
        <div tabIndex={-1} role="alert" className="alert alert--error" data-testid="track-error">
          {general}
        </div>
      ) : null}
      <div className="form-row">
        <Field id="track-number" label={t("track.number")} hint={t("track.number.hint")} error={errors.trackingNumber}>
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
        <Field id="track-phone" label={t("track.phone")} error={errors.phone}>
          <TextInput type="tel" name="phone" inputMode="tel" autoComplete="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
        </Field>
      </div>
      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="track-submit">
          {loading ? t("track.sending") : t("track.sendCode")}
        </Button>
      </div>
    </form>
  );
}
