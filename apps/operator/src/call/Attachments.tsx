import { Button } from "@civicline/ui";
import { useOperatorT } from "../messages.ts";
import { ATTACHMENT_ACCEPT, type AttachmentsState } from "./useAttachments.ts";

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** File picker (images, PDF ≤ 10 MB) with the upload state of each file and a remove button. */
export function Attachments({ state, error }: { state: AttachmentsState; error?: string }) {
  const t = useOperatorT();
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor="call-attachments">
        {t("call.attachments")} <span className="field__optional">{t("common.optional")}</span>
      </label>
      <p className="field__hint" id="call-attachments-hint">
        {t("call.attachments.hint")}
      </p>
      <input
        id="call-attachments"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        className="call-file"
        aria-describedby={error ? "call-attachments-hint call-attachments-error" : "call-attachments-hint"}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          state.add(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      {error ? (
        <p className="field__error" id="call-attachments-error">
          {error}
        </p>
      ) : null}
      {state.items.length > 0 ? (
        <ul className="attachment-list" aria-live="polite">
          {state.items.map((item) => (
            <li key={item.localId} data-testid="attachment" data-status={item.status}>
              <span>{item.name}</span> <span className="attachment-list__size">{size(item.size)}</span>{" "}
              <span className={item.status === "failed" ? "attachment-list__status--failed" : "attachment-list__status"}>
                {item.status === "failed" ? t(`call.attachments.${item.problem ?? "UPLOAD_FAILED"}`) : t(`call.attachments.${item.status}`)}
              </span>{" "}
              <Button variant="ghost" onClick={() => state.remove(item.localId)} aria-label={t("call.attachments.remove", { name: item.name })}>
                {t("call.attachments.removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
