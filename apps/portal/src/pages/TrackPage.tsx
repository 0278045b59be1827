import { useQuery } from "@apollo/client/react";
import { Alert, errorCode, Loading, useErrorMessage } from "@civicline/ui";
import { useEffect, useRef, useState } from "react";
import { TrackTicketDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { CodeForm, type TrackingAccess } from "../track/CodeForm.tsx";
import { TrackLookupForm, type CodeRequest } from "../track/TrackLookupForm.tsx";
import { TrackResult } from "../track/TrackResult.tsx";

type Step = { kind: "lookup"; notice?: string } | { kind: "code"; request: CodeRequest } | { kind: "result"; request: CodeRequest; access: TrackingAccess };

/** Step 3: the request as the citizen may see it, read with the access token; an expired token goes back to step 1. */
function TrackedRequest({ request, access, onExpired }: { request: CodeRequest; access: TrackingAccess; onExpired: () => void }) {
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [justRated, setJustRated] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const { data, error, loading, refetch } = useQuery(TrackTicketDocument, {
    variables: { trackingNumber: request.trackingNumber, accessToken: access.accessToken },
    fetchPolicy: "network-only",
  });
  const refresh = () => {
    setRefreshing(true);
    refetch().then(
      () => setRefreshing(false),
      () => setRefreshing(false),
    );
  };
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
  const [step, setStep] = useState<Step>({ kind: "lookup" });
  const [number, setNumber] = useState(initialNumber);
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
          onVerified={(access) => setStep({ kind: "result", request: step.request, access })}
          onResent={(request) => setStep({ kind: "code", request })}
          onChangeNumber={() => setStep({ kind: "lookup" })}
        />
      ) : null}
      {step.kind === "result" ? (
        <div className="outcome">
          <TrackedRequest request={step.request} access={step.access} onExpired={() => setStep({ kind: "lookup", notice: t("track.expired") })} />
        </div>
      ) : null}
    </>
  );
}
