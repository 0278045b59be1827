import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, AppLink, EmptyState, fieldErrors, Loading, useFormat } from "@civicline/ui";
import { useMemo, useState } from "react";
import { QiSampleDetailDocument, QiScoreFormsDocument, QiScoreQaCallDocument, type QiFormVersionFieldsFragment, type QiInspectionFieldsFragment } from "../../gql/graphql.ts";
import { CallFacts } from "./CallFacts.tsx";
import { CallTickets } from "./CallTickets.tsx";
import { useQaLabel } from "./labels.ts";
import { useQaInspectErrorMessage, useQaInspectT } from "./messages.ts";
import { QA_INSPECT_PATH } from "./paths.ts";
import { ScoreCard } from "./ScoreCard.tsx";
import { ScoreForm } from "./ScoreForm.tsx";
import { draftInput, formatTotal, type FormCriterion, type ScoreDraft } from "./score.ts";

/** A form version's criteria and critical errors worded in the UI language. */
function useFormWording(version: QiFormVersionFieldsFragment | undefined) {
  const label = useQaLabel();
  return useMemo(() => {
    if (!version) {
      return null;
    }
    const criteria: FormCriterion[] = version.criteria.map((criterion) => ({
      key: criterion.key,
      label: label(criterion),
      weight: criterion.weight,
      deductions: criterion.deductions.map((deduction) => ({ key: deduction.key, label: label(deduction), points: deduction.points })),
    }));
    return { criteria, criticalErrors: version.criticalErrors.map((item) => ({ key: item.key, label: label(item) })) };
  }, [version, label]);
}

/** Server field errors (`criteria.<key>.score`) by criterion key. */
function criterionErrors(error: unknown): Record<string, string> {
  const byField = fieldErrors(error);
  return Object.fromEntries(Object.entries(byField).flatMap(([field, message]) => {
    const match = /^criteria\.([^.]+)\./.exec(field);
    return match ? [[match[1]!, message]] : [];
  }));
}

/** One sampled call: facts, recording, transcript, the ticket as logged, and the score form (or the score given). */
export function InspectionPage({ sampleId }: { sampleId: string }) {
  const t = useQaInspectT();
  const errorMessage = useQaInspectErrorMessage();
  const sample = useQuery(QiSampleDetailDocument, { variables: { id: sampleId } });
  const data = sample.data?.qaSample;
  if (!data) {
    return sample.loading ? (
      <Loading />
    ) : (
      <EmptyState testId="qa-sample-not-found" title={t("qi.detail.notFound")}>
        {sample.error ? errorMessage(sample.error) : null} <AppLink to={QA_INSPECT_PATH}>{t("qi.detail.back")}</AppLink>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="qa-inspect-title" data-testid="qa-inspection-page">
      <p>
        <AppLink to={QA_INSPECT_PATH}>{t("qi.detail.back")}</AppLink>
      </p>
      <h1 id="qa-inspect-title" tabIndex={-1}>
        {t("qi.detail.title", { name: data.callTaker.displayName })}
      </h1>
      <div className="qa-inspect">
        <div className="qa-inspect__call">
          <CallFacts call={data.call} callTakerName={data.callTaker.displayName} reason={data.reason} />
        </div>
        <div className="qa-inspect__score">
          <CallTickets tickets={data.call.loggedTickets} />
          <ScorePanel sampleId={data.id} inspectedAt={data.inspectedAt ?? null} scored={data.inspection ?? null} />
        </div>
      </div>
    </section>
  );
}

/** The score form, or the score given (the sample's inspection, or the one just saved). */
function ScorePanel({ sampleId, inspectedAt, scored }: { sampleId: string; inspectedAt: string | null; scored: QiInspectionFieldsFragment | null }) {
  const t = useQaInspectT();
  const format = useFormat();
  const errorMessage = useQaInspectErrorMessage();
  const forms = useQuery(QiScoreFormsDocument);
  const form = forms.data?.qaScoreForms.find((item) => item.isDefault) ?? forms.data?.qaScoreForms[0];
  const wording = useFormWording(form?.current);
  // The queue and the scored list refetch when opened (cache-and-network).
  const [score, scoring] = useMutation(QiScoreQaCallDocument);
  const [saved, setSaved] = useState<QiInspectionFieldsFragment | null>(null);
  const given = saved ?? scored;
  if (given) {
    return (
      <section className="qa-panel" aria-labelledby="qa-scored-title" data-testid="qa-scored">
        <h2 id="qa-scored-title">{t("qi.scored.title")}</h2>
        {saved ? <Alert tone="success" testId="qa-score-saved">{t("qi.form.saved", { total: formatTotal(saved.score.total) })}</Alert> : null}
        <p className="qa-muted">{t("qi.scored.by", { name: given.inspectorName, at: format.dateTime(given.scoredAt), version: given.formVersion.version })}</p>
        {given.appeal ? <p data-testid="qa-scored-appeal">{t("qi.scored.appealed")} {format.enumValue("QaAppealState", given.appeal.state)}</p> : null}
        <ScoreCard score={given.score} />
        <p>
          <AppLink to={QA_INSPECT_PATH} data-testid="qa-back-to-queue">{t("qi.detail.back")}</AppLink>
        </p>
      </section>
    );
  }
  if (inspectedAt) {
    return <Alert tone="info" testId="qa-scored-elsewhere">{t("qi.scored.elsewhere", { at: format.dateTime(inspectedAt) })}</Alert>;
  }
  if (!form || !wording) {
    return forms.error ? <Alert>{errorMessage(forms.error)}</Alert> : <Loading />;
  }
  const submit = (draft: ScoreDraft) => {
    void score({ variables: { input: { sampleId, formVersionId: form.current.id, ...draftInput(wording.criteria, draft) } } })
      .then((result) => setSaved(result.data?.scoreQaCall ?? null))
      .catch(() => undefined);
  };
  return (
    <ScoreForm
      formName={format.name({ nameZh: form.current.formName, nameEn: form.current.formNameEn })}
      formVersion={form.current.version}
      criteria={wording.criteria}
      criticalErrors={wording.criticalErrors}
      busy={scoring.loading}
      error={scoring.error ? errorMessage(scoring.error) : undefined}
      serverErrors={scoring.error ? criterionErrors(scoring.error) : undefined}
      onSubmit={submit}
    />
  );
}
