import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, TextInput, useFormat } from "@civicline/ui";
import { useState } from "react";
import { DecideJointRuleProposalDocument, JointRuleProposalsDocument } from "../gql/graphql.ts";
import { useJointErrorMessage, useJointName } from "./jointFormat.ts";
import { useJointT } from "./messages.ts";

/** The dispatch-catalogue rules proposed by joint cases, for the catalogue editor: admins accept or reject them. */
export function JointRuleProposals({ roles, onAccepted }: { roles: readonly string[]; onAccepted?: () => void }) {
  const t = useJointT();
  const format = useFormat();
  const name = useJointName();
  const errorMessage = useJointErrorMessage();
  const admin = roles.includes("ADMIN");
  const { data, refetch } = useQuery(JointRuleProposalsDocument, { fetchPolicy: "cache-and-network" });
  const [decide, { loading, error }] = useMutation(DecideJointRuleProposalDocument);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const proposals = data?.jointRuleProposals ?? [];
  const act = async (id: string, accept: boolean) => {
    try {
      await decide({ variables: { id, accept, note: notes[id] || null } });
      setDone(accept ? t("jt.rules.accepted") : t("jt.rules.rejected"));
      await refetch();
      if (accept) {
        onAccepted?.();
      }
    } catch {
      // shown below
    }
  };
  return (
    <section aria-labelledby="joint-rules-title" className="joint-card" data-testid="joint-rule-proposals">
      <h2 id="joint-rules-title">{t("jt.rules.title")}</h2>
      <p>{t("jt.rules.intro")}</p>
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {proposals.length === 0 ? (
        <p data-testid="joint-rules-empty">{t("jt.rules.empty")}</p>
      ) : (
        <ul className="plain-list joint-proposals">
          {proposals.map((proposal) => (
            <li key={proposal.id} data-testid="joint-rule-proposal" className="joint-proposal">
              <p>
                <strong>
                  {t("jt.rules.rule", {
                    category: name(proposal.category),
                    keywords: proposal.keywords.length > 0 ? proposal.keywords.join("、") : t("jt.rules.anyWords"),
                    unit: name(proposal.leadUnit),
                  })}
                </strong>
              </p>
              <p>
                <small>
                  {t("jt.rules.from", { number: proposal.trackingNumber ?? "—", name: proposal.proposedByName })} · {format.dateTime(proposal.proposedAt)}
                </small>
              </p>
              {admin ? (
                <div className="joint-proposal__actions">
                  <Button busy={loading} onClick={() => void act(proposal.id, true)}>
                    {t("jt.rules.accept")}
                  </Button>
                  <Field label={t("jt.rules.note")} optional>
                    <TextInput value={notes[proposal.id] ?? ""} onChange={(event) => setNotes({ ...notes, [proposal.id]: event.target.value })} />
                  </Field>
                  <Button variant="secondary" busy={loading} onClick={() => void act(proposal.id, false)}>
                    {t("jt.rules.reject")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
