import type { TicketStatus } from "@civicline/ui";
import { AddToRequest } from "./AddToRequest.tsx";
import { useUpdatesT } from "./messages.ts";
import { TextPreferences } from "./TextPreferences.tsx";
import "./updates.css";

const FINISHED: readonly string[] = ["CLOSED", "CLOSED_DIRECT", "MERGED"];

/** Below an opened request: add to it while it is open, and choose the progress texts. */
export function RequestUpdates({ trackingNumber, status, accessToken }: { trackingNumber: string; status: TicketStatus | string; accessToken: string }) {
  const t = useUpdatesT();
  return (
    <div className="request-updates">
      {FINISHED.includes(status) ? <p className="form__note">{t("add.closedNote")}</p> : <AddToRequest trackingNumber={trackingNumber} accessToken={accessToken} />}
      <TextPreferences trackingNumber={trackingNumber} accessToken={accessToken} />
    </div>
  );
}
