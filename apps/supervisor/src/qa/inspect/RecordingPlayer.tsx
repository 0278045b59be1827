import { Alert } from "@civicline/ui";
import { useCallback, useState } from "react";
import { useQaInspectT } from "./messages.ts";

/** The gateway's answer when a recording cannot be served: `{ error: { code, message } }`. */
type RecordingProblem = { code: string | null; status: number | null };

/** Asks the gateway why the recording at `url` does not play (its status and error code), for the message. */
async function diagnose(url: string): Promise<RecordingProblem> {
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: { range: "bytes=0-0" } });
    if (response.ok) {
      return { code: "QA/RECORDING_UNPLAYABLE", status: response.status };
    }
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    return { code: body?.error?.code ?? null, status: response.status };
  } catch {
    return { code: "NETWORK", status: null };
  }
}

/**
 * The call's recording, played by the browser (HTML audio) from the gateway's unguessable address with
 * the staff session; when it cannot be fetched the inspector reads why (no recording, telephony
 * unreachable, not allowed) instead of a silent, greyed-out player.
 */
export function RecordingPlayer({ url, testId = "qa-recording" }: { url: string | null | undefined; testId?: string }) {
  const t = useQaInspectT();
  // The problem of the address it was found for: another recording starts without one.
  const [found, setFound] = useState<{ url: string; problem: RecordingProblem } | null>(null);
  const problem = found && found.url === url ? found.problem : null;
  const onError = useCallback(() => {
    if (url) {
      void diagnose(url).then((result) => setFound({ url, problem: result }));
    }
  }, [url]);
  if (!url) {
    return (
      <p className="qa-recording__none" data-testid={`${testId}-none`}>
        {t("qi.recording.none")}
      </p>
    );
  }
  return (
    <div className="qa-recording" data-testid={testId}>
      {problem ? (
        <Alert testId={`${testId}-error`}>
          <p>{recordingProblemText(t, problem)}</p>
          <p>{t("qi.recording.scoreAnyway")}</p>
        </Alert>
      ) : (
        <audio controls preload="metadata" src={url} onError={onError} aria-label={t("qi.recording.label")} data-testid={`${testId}-audio`}>
          {t("qi.recording.unsupported")}
        </audio>
      )}
    </div>
  );
}

type RecordingT = ReturnType<typeof useQaInspectT>;

function recordingProblemText(t: RecordingT, problem: RecordingProblem): string {
  if (problem.code === "NETWORK") {
    return t("qi.recording.error.network");
  }
  if (problem.status === 401 || problem.status === 403) {
    return t("qi.recording.error.forbidden");
  }
  if (problem.code === "QA/RECORDING_NOT_FOUND" || problem.status === 404) {
    return t("qi.recording.error.missing");
  }
  if (problem.code === "QA/RECORDING_UNPLAYABLE") {
    return t("qi.recording.error.unplayable");
  }
  return t("qi.recording.error.unavailable");
}
