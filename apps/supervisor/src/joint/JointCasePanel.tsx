import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, Field, Select, TextArea, TextInput } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { JointCaseOfTicketDocument, OpenJointCaseDocument } from "../gql/graphql.ts";
import { useJointErrorMessage, useJointLabel } from "./jointFormat.ts";
import { useJointT } from "./messages.ts";
import { jointCasePath } from "./paths.ts";

const READERS = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER", "HANDLER"];

/** The ticket page's joint supervision panel: the ticket's case (with a link), or a supervisor's form to open one. */
export function JointCasePanel({ ticketId, roles, onChanged }: { ticketId: string; trackingNumber: string; roles: readonly string[]; onChanged: () => void }) {
  const t = useJointT();
  const label = useJointLabel();
  const errorMessage = useJointErrorMessage();
  const visible = roles.some((role) => READERS.includes(role));
  const { data, refetch } = useQuery(JointCaseOfTicketDocument, { variables: { ticketId }, skip: !visible, fetchPolicy: "cache-and-network" });
  const [open, { loading, error }] = useMutation(OpenJointCaseDocument);
  const [trigger, setTrigger] = useState("RETURNED_REPEATEDLY");
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("3");
  if (!visible) {
    return null;
  }
  const current = data?.jointCaseOfTicket;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await open({ variables: { input: { ticketId, trigger: trigger as "RETURNED_REPEATEDLY", reason, deadlineDays: Number(days) } } });
      await refetch();
      onChanged();
    } catch {
      // shown below
    }
  };
  return (
    <section aria-labelledby="joint-panel-title" className="joint-card" data-testid="joint-panel">
      <h2 id="joint-panel-title">{t("jt.open.title")}</h2>
      {current ? (
        <p>
          {t("jt.panel.state", { state: label("JointCaseState", current.state) })} · <AppLink to={jointCasePath(current.id)}>{t("jt.panel.view")}</AppLink>
        </p>
      ) : null}
      {roles.includes("SUPERVISOR") && current?.state !== "OPEN" ? (
        <form onSubmit={(event) => void submit(event)} className="joint-form">
          <p>{t("jt.open.intro")}</p>
          {error ? <Alert>{errorMessage(error)}</Alert> : null}
          <Field label={t("jt.open.trigger")}>
            <Select
              value={trigger}
              placeholder={null}
              options={["RETURNED_REPEATEDLY", "DISPATCHER_REQUEST"].map((value) => ({ value, label: label("JointTrigger", value) }))}
              onChange={(event) => setTrigger(event.target.value)}
            />
          </Field>
          <Field label={t("jt.open.reason")}>
            <TextArea value={reason} maxChars={1000} rows={3} onChange={(event) => setReason(event.target.value)} required />
          </Field>
          <Field label={t("jt.open.days")}>
            <TextInput type="number" min={1} max={20} value={days} onChange={(event) => setDays(event.target.value)} />
          </Field>
          <Button type="submit" busy={loading}>
            {t("jt.open.submit")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
