import { EmptyState, TableScroll, useFormat } from "@civicline/ui";
import type { QmWeeklyReviewFieldsFragment } from "../../../gql/graphql.ts";
import { useLabel } from "../forms/FormVersionView.tsx";
import { useQaManageT } from "../messages.ts";
import { useQaNumbers } from "../numbers.ts";
import { WeeklyNotes } from "./WeeklyNotes.tsx";

/** A week's review: figures, each call-taker (for leads and inspectors), who fell, deductions, notes. */
export function ReviewBody({ review }: { review: QmWeeklyReviewFieldsFragment }) {
  const t = useQaManageT();
  const format = useFormat();
  const label = useLabel();
  const numbers = useQaNumbers();
  const caption = t("qm.review.scoresCaption", { team: review.teamName, week: review.weekStart });
  const change = review.average !== null && review.average !== undefined && review.previousAverage !== null && review.previousAverage !== undefined ? review.average - review.previousAverage : null;
  return (
    <>
      <dl className="qm-figures" data-testid="qa-review-figures">
        <div>
          <dt>{t("qm.review.col.inspections")}</dt>
          <dd>{review.inspections}</dd>
        </div>
        <div>
          <dt>{t("qm.review.teamAverage")}</dt>
          <dd data-testid="qa-review-average">{numbers.score(review.average)}</dd>
        </div>
        <div>
          <dt>{t("qm.review.col.previous")}</dt>
          <dd>{numbers.score(review.previousAverage)}</dd>
        </div>
        <div>
          <dt>{t("qm.review.col.change")}</dt>
          <dd>{numbers.change(change)}</dd>
        </div>
        <div>
          <dt>{t("qm.review.critical")}</dt>
          <dd>{review.criticalCount}</dd>
        </div>
      </dl>
      {!review.individual ? <p className="field__hint" data-testid="qa-review-aggregate">{t("qm.review.aggregateOnly")}</p> : null}
      {review.inspections === 0 ? (
        <EmptyState title={t("qm.review.empty.title")} testId="qa-review-empty">
          <p>{t("qm.review.empty.body")}</p>
        </EmptyState>
      ) : null}
      {review.individual && review.members.length > 0 ? (
        <section aria-labelledby="qm-review-scores">
          <h2 id="qm-review-scores">{t("qm.review.scores")}</h2>
          <TableScroll label={caption} testId="qa-review-members">
            <table className="data-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("qm.review.col.callTaker")}</th>
                  <th scope="col">{t("qm.review.col.inspections")}</th>
                  <th scope="col">{t("qm.review.col.average")}</th>
                  <th scope="col">{t("qm.review.col.previous")}</th>
                  <th scope="col">{t("qm.review.col.change")}</th>
                </tr>
              </thead>
              <tbody>
                {review.members.map((member) => (
                  <tr key={member.callTakerId} className={member.fell ? "qm-fell" : undefined} data-testid="qa-review-member">
                    <th scope="row">{member.name}</th>
                    <td className="num">{member.inspections}</td>
                    <td className="num">{numbers.score(member.average)}</td>
                    <td className="num">{numbers.score(member.previousAverage)}</td>
                    <td className="num">
                      {numbers.change(member.average !== null && member.average !== undefined && member.previousAverage !== null && member.previousAverage !== undefined ? member.average - member.previousAverage : null)}
                      {member.fell ? <span className="badge badge--warning qm-badge">{t("qm.review.fellBadge")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
      {review.individual ? (
        <section aria-labelledby="qm-review-fell">
          <h2 id="qm-review-fell">{t("qm.review.fell")}</h2>
          {review.fell.length === 0 ? (
            <p data-testid="qa-review-fell-none">{t("qm.review.fell.none")}</p>
          ) : (
            <ul data-testid="qa-review-fell">
              {review.fell.map((member) => (
                <li key={member.callTakerId}>
                  {t("qm.review.fellItem", {
                    name: member.name,
                    previous: numbers.score(member.previousAverage),
                    average: numbers.score(member.average),
                    change: numbers.change(member.average !== null && member.average !== undefined && member.previousAverage !== null && member.previousAverage !== undefined ? member.average - member.previousAverage : null),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="qm-review-deductions">
        <h2 id="qm-review-deductions">{t("qm.review.deductions")}</h2>
        {review.topDeductions.length === 0 ? (
          <p>{t("qm.review.deductions.none")}</p>
        ) : (
          <ol className="qm-deduction-list" data-testid="qa-review-deductions">
            {review.topDeductions.map((deduction) => (
              <li key={`${deduction.criterionKey}-${deduction.deductionKey}`}>
                <strong>
                  {label({ label: deduction.criterionLabel, labelEn: deduction.criterionLabelEn })} · {label(deduction)}
                </strong>{" "}
                (−{deduction.points}) — {t("qm.review.deductionCount", { count: deduction.count })}
                {deduction.examples.length > 0 ? (
                  <ul>
                    {deduction.examples.map((example) => (
                      <li key={example.inspectionId}>
                        {example.comment
                          ? t("qm.review.example", { name: example.callTakerName, at: format.dateTime(example.scoredAt as string), comment: example.comment })
                          : t("qm.review.exampleNoComment", { name: example.callTakerName, at: format.dateTime(example.scoredAt as string) })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <WeeklyNotes review={review} />
    </>
  );
}
