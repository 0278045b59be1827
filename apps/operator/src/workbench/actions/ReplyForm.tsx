import { useMutation } from "@apollo/client/react";
import { Field, Select, TextArea } from "@civicline/ui";
import { useState } from "react";
import { ReplyToTicketDocument, type ReplyOutcome } from "../../gql/graphql.ts";
import { useWorkbenchT } from "../messages.ts";
import { ActionForm } from "./ActionForm.tsx";
import type { ActionProps } from "./NoteForm.tsx";
import { ReplyFiles } from "./ReplyFiles.tsx";
import { ACTION_REFETCH, useActionRunner } from "./useActionRunner.ts";
import { useReplyFiles } from "./useReplyFiles.ts";

export const REPLY_OUTCOMES: readonly ReplyOutcome[] = ["RESOLVED", "EXPLAINED", "UNRESOLVABLE"];
const REPLY_MAX_CHARS = 4000;

function isOutcome(value: string): value is ReplyOutcome {
  return (REPLY_OUTCOMES as readonly string[]).includes(value);
}

type Problems = { outcome?: boolean; text?: boolean; uploading?: boolean };

/** The lead unit's reply: the result, the explanation for the citizen, and files. */
export function ReplyForm({ ticketId, onDone, onCancel, assistPending = false }: ActionProps & { assistPending?: boolean }) {
  const t = useWorkbenchT();
  const [outcome, setOutcome] = useState<ReplyOutcome | "">("");
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [withoutAssist, setWithoutAssist] = useState(false);
  const files = useReplyFiles();
  const runner = useActionRunner();
  const [reply] = useMutation(ReplyToTicketDocument, { refetchQueries: ACTION_REFETCH });

  const submit = async () => {
    const found: Problems = { outcome: outcome === "", text: !text.trim(), uploading: files.uploading };
    setProblems(found);
    if (outcome === "" || found.text || found.uploading) {
      return;
    }
    const input = { outcome, text: text.trim(), attachmentIds: files.ids, ...(assistPending ? { withoutAssistInput: withoutAssist } : {}) };
    if (await runner.run(() => reply({ variables: { ticketId, input } }))) {
      onDone(t("wb.done.reply"));
    }
  };
  return (
    <ActionForm
      title={t("act.reply")}
      submitLabel={t("act.reply.submit")}
      busy={runner.busy}
      error={problems.uploading ? t("act.uploading") : runner.error}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      testId="reply-form"
      submitTestId="reply-submit"
    >
      <Field label={t("act.reply.outcome")} error={problems.outcome ? t("common.required") : runner.fieldError("outcome")}>
        <Select
          value={outcome}
          options={REPLY_OUTCOMES.map((value) => ({ value, label: t(`rt.ReplyOutcome.${value}`) }))}
          onChange={(event) => setOutcome(isOutcome(event.target.value) ? event.target.value : "")}
          data-testid="reply-outcome"
        />
      </Field>
      <Field label={t("act.reply.text")} hint={t("act.reply.textHint")} error={problems.text ? t("common.required") : runner.fieldError("text")}>
        <TextArea value={text} maxChars={REPLY_MAX_CHARS} rows={6} onChange={(event) => setText(event.target.value)} data-testid="reply-text" />
      </Field>
      <ReplyFiles state={files} />
      {assistPending ? (
        <div className="field">
          <p className="field__hint">{t("act.reply.assistPending")}</p>
          <label className="checkbox">
            <input type="checkbox" checked={withoutAssist} onChange={(event) => setWithoutAssist(event.target.checked)} data-testid="reply-without-assist" />{" "}
            {t("act.reply.withoutAssist")}
          </label>
        </div>
      ) : null}
    </ActionForm>
  );
}
