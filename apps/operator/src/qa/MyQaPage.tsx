import { useQuery } from "@apollo/client/react";
import { Alert, EmptyState, Loading } from "@civicline/ui";
import { MyQaResultsDocument } from "../gql/graphql.ts";
import { useMyQaErrorMessage, useMyQaT } from "./messages.ts";
import { MyCalls } from "./MyCalls.tsx";
import { MyQaResult } from "./MyQaResult.tsx";

/** The call-taker's scored calls, newest first: score, comments, versions, and the appeal (once, with a reason). */
export function MyQaPage() {
  const t = useMyQaT();
  const errorMessage = useMyQaErrorMessage();
  const results = useQuery(MyQaResultsDocument, { variables: { first: 50 }, fetchPolicy: "cache-and-network" });
  const items = results.data?.myQaResults;
  const average = items && items.length > 0 ? Math.round((items.reduce((sum, item) => sum + item.score.total, 0) / items.length) * 100) / 100 : null;
  return (
    <section aria-labelledby="my-qa-title" data-testid="my-qa-page" className="my-qa">
      <h1 id="my-qa-title" tabIndex={-1}>
        {t("mq.title")}
      </h1>
      <p className="page-intro">{t("mq.intro")}</p>
      {!items ? (
        results.error ? <Alert testId="my-qa-error">{`${t("mq.loadFailed")} ${errorMessage(results.error) ?? ""}`}</Alert> : <Loading />
      ) : items.length === 0 ? (
        <EmptyState testId="my-qa-empty" title={t("mq.empty.title")}>
          {t("mq.empty.body")}
        </EmptyState>
      ) : (
        <>
          <p data-testid="my-qa-summary">{t("mq.summary", { count: items.length, average: String(average) })}</p>
          <ol className="my-qa__list">
            {items.map((inspection) => (
              <li key={inspection.id}>
                <MyQaResult inspection={inspection} />
              </li>
            ))}
          </ol>
        </>
      )}
      <MyCalls />
    </section>
  );
}
