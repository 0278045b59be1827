import { useMutation } from "@apollo/client/react";
import { Alert, Button, errorCode, Field, TextArea, useKnowledgeErrorMessage, type ReviewDecision } from "@civicline/ui";
import { useState } from "react";
import { KbReviewArticleDocument } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";

export const REVIEW_COMMENT_MAX = 1000;

export type ReviewFormProps = {
  article: { id: string; title: string; lockVersion: number; canReview: boolean; author: { displayName: string } };
  onReviewed: (message: string) => void;
  onReload: () => void;
  onRefreshQueue: () => void;
};

/** Approve, or send back with a comment (required then). Explains when the viewer may not review. */
export function ReviewForm({ article, onReviewed, onReload, onRefreshQueue }: ReviewFormProps) {
  const t = useSupervisorKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const [comment, setComment] = useState("");
  const [missingComment, setMissingComment] = useState(false);
  const [review, { loading, error, reset }] = useMutation(KbReviewArticleDocument);
  const [pending, setPending] = useState<ReviewDecision | null>(null);

  if (!article.canReview) {
    return (
      <Alert tone="info" testId="kb-cannot-review">
        {t("kbs.review.cannotReview")}
      </Alert>
    );
  }

  const decide = async (decision: ReviewDecision) => {
    const text = comment.trim();
    if (decision === "SEND_BACK" && text === "") {
      setMissingComment(true);
      document.getElementById("kb-review-comment")?.focus();
      return;
    }
    reset();
    setPending(decision);
    try {
      await review({ variables: { id: article.id, lockVersion: article.lockVersion, decision, comment: text || null } });
      onReviewed(
        decision === "APPROVE"
          ? t("kbs.review.approved", { title: article.title })
          : t("kbs.review.sentBack", { title: article.title, name: article.author.displayName }),
      );
    } catch {
      // Shown from the hook's `error`.
    } finally {
      setPending(null);
    }
  };

  const code = errorCode(error);
  return (
    <form className="form kb-review__form" onSubmit={(event) => event.preventDefault()} noValidate data-testid="kb-review-form">
      {error ? (
        <Alert testId="kb-review-error">
          <p>{errorMessage(error)}</p>
          {code === "CONFLICT" ? (
            <Button variant="secondary" onClick={onReload}>
              {t("kbs.review.reload")}
            </Button>
          ) : null}
          {code === "KNOWLEDGE/INVALID_TRANSITION" ? (
            <Button variant="secondary" onClick={onRefreshQueue}>
              {t("kbs.review.refreshList")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <Field
        id="kb-review-comment"
        label={t("kbs.review.comment")}
        hint={t("kbs.review.comment.hint")}
        error={missingComment ? t("kbs.review.comment.required") : undefined}
        optional
      >
        <TextArea
          rows={4}
          maxChars={REVIEW_COMMENT_MAX}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setMissingComment(false);
          }}
        />
      </Field>
      <div className="button-row">
        <Button busy={pending === "APPROVE" && loading} disabled={loading && pending !== "APPROVE"} onClick={() => void decide("APPROVE")} data-testid="kb-approve">
          {t("kbs.review.approve")}
        </Button>
        <Button variant="secondary" busy={pending === "SEND_BACK" && loading} disabled={loading && pending !== "SEND_BACK"} onClick={() => void decide("SEND_BACK")} data-testid="kb-send-back">
          {t("kbs.review.sendBack")}
        </Button>
      </div>
    </form>
  );
}
