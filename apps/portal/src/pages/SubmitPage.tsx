import { useState } from "react";
import { usePortalT } from "../messages.ts";
import { SubmitForm, type SubmitResult } from "../submit/SubmitForm.tsx";
import { SubmitSuccess } from "../submit/SubmitSuccess.tsx";

export function SubmitPage() {
  const t = usePortalT();
  const [result, setResult] = useState<SubmitResult | null>(null);
  return (
    <>
      <h1 tabIndex={-1}>{t("submit.title")}</h1>
      {result ? (
        <SubmitSuccess result={result} onAnother={() => setResult(null)} />
      ) : (
        <SubmitForm onSubmitted={setResult} />
      )}
    </>
  );
}
