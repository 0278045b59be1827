import { DomainError, readFile, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { loadVisibleCall } from "../calls/call-records.js";
import { QaErrorCode } from "../qa.errors.js";

/** The gateway path a call's recording is served at (the call record's random id: not guessable). */
export function recordingPath(callRecordId: string): string {
  return `/qa/recordings/${callRecordId}`;
}

export type Recording = { contentType: string; data: Buffer; filename: string };

const FETCH_TIMEOUT_MS = 10_000;
const MAX_BYTES = 50 * 1024 * 1024;

const notFound = (): DomainError => new DomainError(QaErrorCode.RECORDING_NOT_FOUND, "There is no recording of this call, or you may not hear it.");
const unavailable = (detail: string): DomainError =>
  new DomainError(QaErrorCode.RECORDING_UNAVAILABLE, `The recording could not be fetched from the telephony system (${detail}). Try again later; if it keeps failing, tell the telephony administrator.`, { detail });

/**
 * A call's recording for someone who may hear it: QA inspectors, the call-taker's team lead and the
 * call-taker. Stored files are read from the database; a URL is fetched by the gateway (the address
 * never reaches the browser). QA/RECORDING_NOT_FOUND when there is none or the caller may not hear
 * it; QA/RECORDING_UNAVAILABLE when the source does not deliver it.
 */
export async function openRecording(
  db: DataSource,
  input: { actor: Actor | null | undefined; callRecordId: string; fetchImpl?: typeof fetch; timeoutMs?: number },
): Promise<Recording> {
  const call = await loadVisibleCall(db, input.actor, input.callRecordId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === QaErrorCode.CALL_NOT_FOUND) {
      throw notFound();
    }
    throw error;
  });
  const filename = `${call.callId.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
  if (call.recordingFileId) {
    try {
      const file = await readFile(db, { id: call.recordingFileId, actor: input.actor ?? null, mayRead: async () => true });
      return { contentType: file.contentType, data: file.data, filename: file.filename };
    } catch (error) {
      if (error instanceof DomainError) {
        throw unavailable("the stored file is gone");
      }
      throw error;
    }
  }
  if (!call.recordingUrl) {
    throw notFound();
  }
  const fetchImpl = input.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(call.recordingUrl, { redirect: "follow", signal: AbortSignal.timeout(input.timeoutMs ?? FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw unavailable(timedOut ? "no answer in time" : "the telephony system cannot be reached");
  }
  if (!response.ok) {
    throw unavailable(`HTTP ${response.status}`);
  }
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > MAX_BYTES) {
    throw unavailable("the file is too large");
  }
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length === 0) {
    throw unavailable("the file is empty");
  }
  if (data.length > MAX_BYTES) {
    throw unavailable("the file is too large");
  }
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() || "audio/wav";
  return { contentType, data, filename };
}
