import { useMutation } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, graphQLErrors, TextInput, useErrorMessage } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { RequestTrackingCodeDocument, VerifyTrackingCodeDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { retryAfterOf, type CodeRequest } from "./TrackLookupForm.tsx";

export type TrackingAccess = { accessToken: string; expiresAt: string };

/** Seconds until `at` (a client-clock time in ms), never below 0; re-rendered every second while above. */
function useCountdown(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((at - now) / 1000));
  useEffect(() => {
    if (left <= 0) {
      return undefined;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left]);
  return left;
}

/**
 * Step 2: the 6-digit code from the SMS (one-time-code autofill, numeric keypad). Wrong codes
 * count down the tries left; a new code may be asked for once the resend delay has passed.
 */
export function CodeForm({ request, onVerified, onResent, onChangeNumber }: { request: CodeRequest; onVerified: (access: TrackingAccess) => void; onResent: (request: CodeRequest) => void; onChangeNumber: () => void }) {
  const t = usePortalT();
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusInput = () => document.getElementById("track-code")?.focus();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [info, setInfo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(() => Date.now() + request.resendAfterSeconds * 1000);
  const waitSeconds = useCountdown(resendAt);
  const [verify, verifying] = useMutation(VerifyTrackingCodeDocument);
  const [resend, resending] = useMutation(RequestTrackingCodeDocument);

  useEffect(() => headingRef.current?.focus(), []);

  const showError = (message: string) => {
    setError(message);
    setInfo(null);
    requestAnimationFrame(focusInput);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(digits)) {
      showError(digits ? t("track.code.format") : t("common.required"));
      return;
    }
    // verifyCode reports its own failure in the form, so nothing is left to await.
    void verifyCode(digits);
  };

  const verifyCode = async (digits: string) => {
    try {
      const { data } = await verify({ variables: { trackingNumber: request.trackingNumber, phone: request.phone, code: digits } });
      if (data) {
        onVerified(data.verifyTrackingCode);
      }
    } catch (failure) {
      const left = graphQLErrors(failure)[0]?.extensions?.attemptsLeft;
      switch (errorCode(failure)) {
        case "INTAKE/OTP_INVALID":
          showError(typeof left === "number" && left > 0 ? t("track.code.invalid", { left }) : t("track.code.invalidLast"));
          return;
        case "INTAKE/OTP_LOCKED":
          showError(t("track.code.locked"));
          return;
        case "INTAKE/OTP_EXPIRED":
          showError(t("track.code.expiredCode"));
          return;
        case "BAD_USER_INPUT":
          showError(t("track.code.format"));
          return;
        default:
          showError(errorMessage(failure) ?? t("error.UNKNOWN"));
      }
    }
  };

  const onResend = () => {
    // resendCode reports its own failure in the form, so nothing is left to await.
    void resendCode();
  };

  const resendCode = async () => {
    try {
      const { data } = await resend({ variables: { trackingNumber: request.trackingNumber, phone: request.phone } });
      if (data) {
        setResendAt(Date.now() + data.requestTrackingCode.resendAfterSeconds * 1000);
        setCode("");
        setError(undefined);
        setInfo(t("track.code.newSent"));
        onResent({ ...request, ...data.requestTrackingCode });
        focusInput();
      }
    } catch (failure) {
      const wait = retryAfterOf(failure);
      if (wait !== null) {
        setResendAt(Date.now() + wait * 1000);
      }
      showError(wait !== null ? t("track.rateLimited", { seconds: wait }) : (errorMessage(failure) ?? t("error.UNKNOWN")));
    }
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="code-form">
      <h2 ref={headingRef} tabIndex={-1}>
        {t("track.code.title")}
      </h2>
      <p>{t("track.code.sent", { phone: request.sentTo })}</p>
      {info ? <Alert tone="info">{info}</Alert> : null}
      <Field id="track-code" label={t("track.code")} hint={t("track.code.hint")} error={error}>
        <TextInput
          name="code"
          className="mono code-input"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          value={code}
          onChange={(event) => {
            setCode(event.target.value.replace(/\D/g, "").slice(0, 6));
            setError(undefined);
          }}
          data-testid="code-input"
        />
      </Field>
      <div className="button-row">
        <Button type="submit" busy={verifying.loading} data-testid="code-submit">
          {verifying.loading ? t("track.code.checking") : t("track.code.submit")}
        </Button>
        <Button variant="secondary" onClick={onResend} busy={resending.loading} disabled={waitSeconds > 0} aria-describedby={waitSeconds > 0 ? "track-resend-wait" : undefined} data-testid="code-resend">
          {t("track.code.resend")}
        </Button>
        <Button variant="ghost" onClick={onChangeNumber}>
          {t("track.code.change")}
        </Button>
      </div>
      {waitSeconds > 0 ? (
        <p id="track-resend-wait" className="form__note">
          {t("track.code.resendIn", { seconds: waitSeconds })}
        </p>
      ) : null}
    </form>
  );
}
