import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, RadioGroup, Select, TextArea, useFieldErrors, useFormat, useLanguage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { IssueSupervisionOrderDocument, type SupervisionOrderLevel } from "../gql/graphql.ts";
import { ANSWER_TIMES, useOrderErrorMessage, useOrderT } from "./messages.ts";

const LEVELS: readonly SupervisionOrderLevel[] = ["REMINDER", "FORMAL", "LISTED"];
const REASON_MAX = 1000;

/** Issues a supervision order for a ticket: level, reason and the time the unit has to answer. */
export function OrderIssueForm({ ticketId, onIssued }: { ticketId: string; onIssued: () => void }) {
  const t = useOrderT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useOrderErrorMessage();
  const [level, setLevel] = useState<SupervisionOrderLevel>("REMINDER");
  const [reason, setReason] = useState("");
  const [within, setWithin] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [issue, state] = useMutation(IssueSupervisionOrderDocument);
  const fields = useFieldErrors()(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const result = await issue({
      variables: { input: { ticketId, level, reason, responseWorkingMinutes: within ? Number(within) : null } },
    }).catch(() => null);
    const order = result?.data?.issueSupervisionOrder;
    if (order) {
      setReason("");
      setDone(t("so.issue.done", { unit: language === "en" ? order.unitNameEn : order.unitNameZh }));
      onIssued();
    }
  };

  const fieldProblem = fields.reason ?? fields.responseWorkingMinutes ?? fields.level;
  return (
    <form className="order-issue" onSubmit={(event) => void submit(event)} data-testid="order-issue-form" aria-labelledby="order-issue-title">
      <h3 id="order-issue-title">{t("so.issue.title")}</h3>
      <RadioGroup
        name="order-level"
        legend={t("so.issue.level")}
        value={level}
        inline
        options={LEVELS.map((value) => ({ value, label: format.enumValue("SupervisionOrderLevel", value) }))}
        onChange={(value) => setLevel(value as SupervisionOrderLevel)}
        testId="order-level"
      />
      <Field label={t("so.issue.reason")} hint={t("so.issue.reasonHint")} error={fields.reason}>
        <TextArea value={reason} maxChars={REASON_MAX} rows={3} onChange={(event) => setReason(event.target.value)} data-testid="order-reason" required />
      </Field>
      <Field label={t("so.issue.within")} optional>
        <Select
          value={within}
          placeholder={t("so.issue.within.default")}
          options={ANSWER_TIMES.map((minutes) => ({ value: String(minutes), label: t(`so.within.${minutes}`) }))}
          onChange={(event) => setWithin(event.target.value)}
          data-testid="order-within"
        />
      </Field>
      <div aria-live="polite">
        {state.error && !fieldProblem ? <Alert testId="order-issue-error">{errorMessage(state.error)}</Alert> : null}
        {done ? (
          <Alert tone="success" testId="order-issued">
            {done}
          </Alert>
        ) : null}
      </div>
      <Button type="submit" busy={state.loading} data-testid="order-issue-submit">
        {t("so.issue.submit")}
      </Button>
    </form>
  );
}
