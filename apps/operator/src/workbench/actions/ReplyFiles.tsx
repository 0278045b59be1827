import { Button } from "@civicline/ui";
import { useId } from "react";
import { useWorkbenchT } from "../messages.ts";
import { REPLY_FILE_ACCEPT, type ReplyFilesState } from "./useReplyFiles.ts";

/** File picker for the reply with each file's upload state and a remove button. */
export function ReplyFiles({ state }: { state: ReplyFilesState }) {
  const t = useWorkbenchT();
  const id = `reply-files${useId()}`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t("act.files")} <span className="field__optional">{t("common.optional")}</span>
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t("act.files.hint")}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={REPLY_FILE_ACCEPT}
        aria-describedby={`${id}-hint`}
        data-testid="reply-files"
        onChange={(event) => {
          state.add(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      {state.items.length > 0 ? (
        <ul className="attachment-list" aria-live="polite">
          {state.items.map((item) => (
            <li key={item.localId} data-testid="reply-file" data-status={item.status}>
              <span>{item.name}</span>{" "}
              <span className={item.status === "failed" ? "attachment-list__status--failed" : "attachment-list__status"}>
                {item.status === "failed" ? t(`act.file.${item.problem ?? "failed"}`) : t(`act.file.${item.status}`)}
              </span>{" "}
              <Button variant="ghost" onClick={() => state.remove(item.localId)} aria-label={t("act.file.remove", { name: item.name })}>
                {t("act.file.removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
