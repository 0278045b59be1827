import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, Select, TextArea, TextInput, enumLabelOf, useLanguage, type SelectOptionGroup } from "@civicline/ui";
import { useMemo, useState, type FormEvent } from "react";
import { DecideJointCaseDocument, JointUnitsDocument, RecordJointOpinionDocument } from "../gql/graphql.ts";
import { useJointErrorMessage, useJointLabel, useJointName } from "./jointFormat.ts";
import { useJointT } from "./messages.ts";

const KIND_ORDER = ["BUREAU", "DISTRICT_GOVERNMENT", "TOWNSHIP_OFFICE", "OTHER", "CITY_CENTRE"];

/** Active units grouped by kind, for the pickers. */
function useUnitGroups(): SelectOptionGroup[] {
  const { data } = useQuery(JointUnitsDocument, { fetchPolicy: "cache-first" });
  const name = useJointName();
  const { language } = useLanguage();
  return useMemo(
    () =>
      KIND_ORDER.map((kind) => ({
        label: enumLabelOf(language, "UnitKind", kind),
        options: (data?.units ?? []).filter((unit) => unit.kind === kind).map((unit) => ({ value: unit.id, label: name(unit) })),
      })).filter((group) => group.options.length > 0),
    [data, name, language],
  );
}

/** A party records its opinion (once), optionally naming the unit it holds responsible. */
export function OpinionForm({ caseId, party, onDone }: { caseId: string; party: string; onDone: () => void }) {
  const t = useJointT();
  const label = useJointLabel();
  const errorMessage = useJointErrorMessage();
  const groups = useUnitGroups();
  const [opinion, setOpinion] = useState("");
  const [unitId, setUnitId] = useState("");
  const [record, { loading, error }] = useMutation(RecordJointOpinionDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await record({ variables: { input: { caseId, opinion, proposedUnitId: unitId || null } } });
      onDone();
    } catch {
      // shown below
    }
  };
  return (
    <form className="joint-form" aria-labelledby="joint-opinion-title" onSubmit={(event) => void submit(event)} data-testid="joint-opinion-form">
      <h2 id="joint-opinion-title">{t("jt.opinion.title", { party: label("JointParty", party) })}</h2>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <Field label={t("jt.opinion.text")}>
        <TextArea value={opinion} maxChars={2000} rows={4} onChange={(event) => setOpinion(event.target.value)} required />
      </Field>
      <Field label={t("jt.opinion.unit")} optional>
        <Select value={unitId} groups={groups} placeholder={t("jt.opinion.none")} onChange={(event) => setUnitId(event.target.value)} />
      </Field>
      <Button type="submit" disabled={loading}>
        {t("jt.opinion.submit")}
      </Button>
    </form>
  );
}

/** The complaint centre names the responsible unit, optionally proposing a catalogue rule. */
export function DecisionForm({ caseId, suggestedUnitId, onDone }: { caseId: string; suggestedUnitId: string | null; onDone: (unitName: string) => void }) {
  const t = useJointT();
  const errorMessage = useJointErrorMessage();
  const groups = useUnitGroups();
  const [unitId, setUnitId] = useState(suggestedUnitId ?? "");
  const [decision, setDecision] = useState("");
  const [propose, setPropose] = useState(false);
  const [keywords, setKeywords] = useState("");
  const [decide, { loading, error }] = useMutation(DecideJointCaseDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = keywords.split(/[,，、\s]+/).map((word) => word.trim()).filter(Boolean);
    try {
      const result = await decide({ variables: { input: { caseId, unitId, decision, ruleProposal: propose ? { keywords: words } : null } } });
      const unit = result.data?.decideJointCase.decidedUnit;
      onDone(unit ? groups.flatMap((group) => group.options).find((option) => option.value === unit.id)?.label ?? unit.nameZh : "");
    } catch {
      // shown below
    }
  };
  return (
    <form className="joint-form" aria-labelledby="joint-decide-title" onSubmit={(event) => void submit(event)} data-testid="joint-decision-form">
      <h2 id="joint-decide-title">{t("jt.decide.title")}</h2>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <Field label={t("jt.decide.unit")}>
        <Select value={unitId} groups={groups} placeholder={t("jt.decide.choose")} onChange={(event) => setUnitId(event.target.value)} required />
      </Field>
      <Field label={t("jt.decide.text")}>
        <TextArea value={decision} maxChars={2000} rows={4} onChange={(event) => setDecision(event.target.value)} required />
      </Field>
      <label className="joint-check">
        <input type="checkbox" checked={propose} onChange={(event) => setPropose(event.target.checked)} /> {t("jt.decide.propose")}
      </label>
      {propose ? (
        <Field label={t("jt.decide.keywords")} hint={t("jt.decide.keywordsHint")} optional>
          <TextInput value={keywords} onChange={(event) => setKeywords(event.target.value)} />
        </Field>
      ) : null}
      <Button type="submit" disabled={loading}>
        {t("jt.decide.submit")}
      </Button>
    </form>
  );
}
