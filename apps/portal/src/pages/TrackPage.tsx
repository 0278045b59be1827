import { useQuery } from "@apollo/client/react";
import { Alert, Button, errorCode, Loading, useErrorMessage } from "@civicline/ui";
import { useCallback, useEffect, useRef, useState } from "react";
import { TrackTicketDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { CodeForm, type TrackingAccess } from "../track/CodeForm.tsx";
import { TrackLookupForm, type CodeRequest } from "../track/TrackLookupForm.tsx";
import { TrackResult } from "../track/TrackResult.tsx";
import { forgetAccess, restoreAccess, storeAccess } from "../track/storedAccess.ts";

type Step = { kind: "lookup"; notice?: string } | { kind: "code"; request: CodeRequest } | { kind: "result"; trackingNumber: string; access: TrackingAccess };

/** Step 3: the request as the citizen may see it, read with the access token; an expired token goes back to step 1. */
function TrackedRequest({ trackingNumber, access, onExpired }: { trackingNumber: string; access: TrackingAccess; onExpired: () => void }) {
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [justRated, setJustRated] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const { data, error, loading, refetch } = useQuery(TrackTicketDocument, {
    variables: { trackingNumber, accessToken: access.accessToken },
    fetchPolicy: "network-only",
  });
  const refresh = () => {
    setRefreshing(true);
    refetch().then(
      () => setRefreshing(false),
      () => setRefreshing(false),
    );
  };
  // The server decides when the access has ended (the browser's clock may be wrong).
  const expired = errorCode(error) === "INTAKE/TRACKING_ACCESS_INVALID";
  useEffect(() => {
    if (expired) {
      onExpired();
    }
  }, [expired, onExpired]);
  const loaded = Boolean(data);
  useEffect(() => {
    if (loaded) {
      headingRef.current?.focus();
    }
  }, [loaded]);

  if (loading && !data) {
    return <Loading />;
  }
  if (error && !expired) {
    return <Alert>{errorMessage(error)}</Alert>;
  }
  if (!data) {
    return null;
  }
  return (
    <TrackResult
      ticket={data.trackTicket}
      accessToken={access.accessToken}
      headingRef={headingRef}
      justRated={justRated}
      onRefresh={refresh}
      refreshing={refreshing}
      onRated={() => {
        setJustRated(true);
        void refetch().catch(() => undefined);
      }}
    />
  );
}

/**
 * Tracking number + phone → a code texted to that phone → the public view of the request, its
 * reply and the rating form. `initialNumber` comes from `?n=` (the link in the SMS).
 */
export function TrackPage({ initialNumber = "" }: { initialNumber?: string }) {
  const t = usePortalT();
  // A reload within the access's 30 minutes shows the request again instead of asking for a new code.
  const [step, setStep] = useState<Step>(() => {
    const stored = restoreAccess();
    return stored && (!initialNumber || initialNumber.toUpperCase() === stored.trackingNumber.toUpperCase())
      ? { kind: "result", trackingNumber: stored.trackingNumber, access: stored.access }
      : { kind: "lookup" };
  });
  const [number, setNumber] = useState(() => (step.kind === "result" ? step.trackingNumber : initialNumber));
  const expire = useCallback(() => {
    forgetAccess();
    setStep({ kind: "lookup", notice: t("track.expired") });
  }, [t]);
  return (
    <>
      <h1 tabIndex={-1}>{t("track.title")}</h1>
      {step.kind === "lookup" ? (
        <TrackLookupForm
          initialNumber={number}
          notice={step.notice}
          onSent={(request) => {
            setNumber(request.trackingNumber);
            setStep({ kind: "code", request });
          }}
        />
      ) : null}
      {step.kind === "code" ? (
        <CodeForm
          request={step.request}
          onVerified={(access) => {
            storeAccess({ trackingNumber: step.request.trackingNumber, access });
            setStep({ kind: "result", trackingNumber: step.request.trackingNumber, access });
          }}
          onResent={(request) => setStep({ kind: "code", request })}
          onChangeNumber={() => setStep({ kind: "lookup" })}
        />
      ) : null}
      {step.kind === "result" ? (
        <div className="outcome">
          <TrackedRequest trackingNumber={step.trackingNumber} access={step.access} onExpired={expire} />
          <div className="button-row">
            <Button
              variant="secondary"
              data-testid="track-close"
              onClick={() => {
                forgetAccess();
                setStep({ kind: "lookup" });
              }}
            >
              {t("track.close")}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
