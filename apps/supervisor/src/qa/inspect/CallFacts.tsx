import { useFormat } from "@civicline/ui";
import type { QiCallFieldsFragment } from "../../gql/graphql.ts";
import { minutesSeconds } from "./labels.ts";
import { useQaInspectT } from "./messages.ts";
import { RecordingPlayer } from "./RecordingPlayer.tsx";

/** The call's facts, its recording and its transcript: what the inspector listens to and reads. */
export function CallFacts({ call, callTakerName, reason }: { call: QiCallFieldsFragment; callTakerName: string; reason?: string | null }) {
  const t = useQaInspectT();
  const format = useFormat();
  return (
    <>
      <section className="qa-panel" aria-labelledby="qa-call-title" data-testid="qa-call">
        <h2 id="qa-call-title">{t("qi.detail.call")}</h2>
        <dl className="details">
          <dt>{t("qi.col.callTaker")}</dt>
          <dd data-testid="qa-call-taker">{callTakerName}</dd>
          <dt>{t("qi.detail.seat")}</dt>
          <dd>{call.seatCode}</dd>
          <dt>{t("qi.detail.caller")}</dt>
          <dd className="mono">{call.callerNumber}</dd>
          <dt>{t("qi.col.direction")}</dt>
          <dd>{format.enumValue("QaCallDirection", call.direction)}</dd>
          <dt>{t("qi.detail.startedAt")}</dt>
          <dd>{format.dateTime(call.startedAt)}</dd>
          <dt>{t("qi.detail.answeredAt")}</dt>
          <dd>{call.answeredAt ? format.dateTime(call.answeredAt) : "—"}</dd>
          <dt>{t("qi.detail.endedAt")}</dt>
          <dd>{format.dateTime(call.endedAt)}</dd>
          <dt>{t("qi.detail.wait")}</dt>
          <dd>{t("qi.detail.waitSeconds", { seconds: call.waitSeconds })}</dd>
          <dt>{t("qi.col.duration")}</dt>
          <dd>{t("qi.duration", minutesSeconds(call.talkSeconds))}</dd>
          {reason ? (
            <>
              <dt>{t("qi.detail.sampleReason")}</dt>
              <dd data-testid="qa-sample-reason">{format.enumValue("QaSampleReason", reason)}</dd>
            </>
          ) : null}
          {call.flagged ? (
            <>
              <dt>{t("qi.detail.flagNote")}</dt>
              <dd>{call.flagReason ?? "—"}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="qa-panel" aria-labelledby="qa-recording-title">
        <h2 id="qa-recording-title">{t("qi.recording.title")}</h2>
        <RecordingPlayer url={call.recordingUrl} />
      </section>
      <section className="qa-panel" aria-labelledby="qa-transcript-title">
        <h2 id="qa-transcript-title">{t("qi.transcript.title")}</h2>
        {call.transcript ? (
          <p className="qa-transcript" data-testid="qa-transcript">
            {call.transcript}
          </p>
        ) : (
          <p className="qa-muted">{t("qi.transcript.none")}</p>
        )}
      </section>
    </>
  );
}
