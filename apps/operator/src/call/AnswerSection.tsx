import { Button, Field, TextArea } from "@civicline/ui";
import { useOperatorT } from "../messages.ts";
import { ANSWER_MAX } from "./callForm.ts";
import type { UsedArticle } from "./KnowledgeSlot.tsx";

export type AnswerSectionProps = {
  articles: readonly UsedArticle[];
  onRemoveArticle: (id: string) => void;
  answer: string;
  error?: string;
  disabled: boolean;
  onAnswerChange: (answer: string) => void;
};

/** 直接答复: the articles answered from (picked in the knowledge panel) and what the caller was told. */
export function AnswerSection({ articles, onRemoveArticle, answer, error, disabled, onAnswerChange }: AnswerSectionProps) {
  const t = useOperatorT();
  return (
    <section className="call-side card" aria-labelledby="answer-title" data-testid="answer-section">
      <h2 id="answer-title">{t("answer.title")}</h2>
      {articles.length === 0 ? (
        <p className="call-side__hint">{t("answer.noArticles")}</p>
      ) : (
        <ul className="used-articles" aria-label={t("answer.articles")}>
          {articles.map((article) => (
            <li key={article.id} data-testid="used-article" data-article-id={article.id}>
              <span>{article.title}</span>{" "}
              <Button
                variant="ghost"
                disabled={disabled}
                onClick={() => onRemoveArticle(article.id)}
                aria-label={t("answer.removeArticle", { title: article.title })}
              >
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field id="call-answer" label={t("answer.text")} hint={t("answer.hint")} error={error} optional>
        <TextArea
          name="answer"
          rows={4}
          maxChars={ANSWER_MAX}
          value={answer}
          disabled={disabled}
          onChange={(event) => onAnswerChange(event.target.value)}
        />
      </Field>
    </section>
  );
}
