import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, ArticleView, Button, Loading, useKnowledgeErrorMessage } from "@civicline/ui";
import { useEffect, useId, useRef, useState } from "react";
import { KbArticleDocument, KbRecordArticleUseDocument } from "../gql/graphql.ts";
import { useOperatorKnowledgeT } from "./messages.ts";

export type InlineArticleProps = {
  id: string;
  used: boolean;
  recordUse: boolean;
  ticketId?: string;
  onUsed: (articleId: string) => void;
  onBack: () => void;
};

/** An answer opened in the panel: focus goes to its title; "Used this answer" records the use. */
export function InlineArticle({ id, used, recordUse, ticketId, onUsed, onBack }: InlineArticleProps) {
  const t = useOperatorKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, loading, error } = useQuery(KbArticleDocument, { variables: { id } });
  const [record, recording] = useMutation(KbRecordArticleUseDocument);
  const [useError, setUseError] = useState<unknown>(null);
  const article = data?.article;

  const loaded = Boolean(article);
  useEffect(() => {
    if (loaded) {
      headingRef.current?.focus();
    }
  }, [loaded]);

  const onUse = async () => {
    if (used) {
      return;
    }
    setUseError(null);
    if (recordUse) {
      try {
        await record({ variables: { articleIds: [id], ticketId: ticketId ?? null } });
      } catch (caught) {
        setUseError(caught);
        return;
      }
    }
    onUsed(id);
  };

  return (
    <div className="kb-inline" data-testid="kb-open-article">
      <Button variant="ghost" onClick={onBack} data-testid="kb-back">
        ← {t("kbo.article.back")}
      </Button>
      {loading && !article ? <Loading /> : null}
      {error && !article ? <Alert>{`${t("kbo.article.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {article ? (
        <>
          <ArticleView article={article} headingLevel={3} headingRef={headingRef} headingId={headingId} />
          <div className="kb-inline__actions">
            <Button
              variant={used ? "secondary" : "primary"}
              busy={recording.loading}
              onClick={() => void onUse()}
              data-testid="kb-use-answer"
            >
              {used ? `✓ ${t("kbo.article.useDone")}` : t("kbo.article.use")}
            </Button>
          </div>
          <div aria-live="polite">
            {used ? <p className="kb-inline__used">{t("kbo.article.used")}</p> : null}
          </div>
          {useError ? <Alert>{`${t("kbo.article.useFailed")} ${errorMessage(useError) ?? ""}`}</Alert> : null}
        </>
      ) : null}
    </div>
  );
}
