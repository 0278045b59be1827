import { useDeferredValue, useId } from "react";
import { TextArea } from "../../components/TextArea.tsx";
import { useKnowledgeT } from "../i18n.ts";
import { MarkdownBody } from "../Markdown.tsx";

export type MarkdownFieldProps = {
  value: string;
  onChange: (value: string) => void;
  maxChars: number;
  disabled?: boolean;
};

/** A Markdown textarea (inside a <Field>) with a live preview beside it on wide screens, below it on phones. */
export function MarkdownField({ value, onChange, maxChars, disabled }: MarkdownFieldProps) {
  const t = useKnowledgeT();
  const previewId = useId();
  const deferred = useDeferredValue(value);
  return (
    <div className="kb-markdown-field">
      <div className="kb-markdown-field__source">
        <TextArea
          rows={14}
          name="body"
          className="kb-markdown-field__textarea"
          value={value}
          maxChars={maxChars}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <section className="kb-markdown-field__preview" aria-labelledby={previewId} data-testid="kb-body-preview">
        <h3 id={previewId} className="kb-markdown-field__preview-title">
          {t("kbe.field.preview")}
        </h3>
        {deferred.trim() === "" ? <p className="field__hint">{t("kbe.field.preview.empty")}</p> : <MarkdownBody source={deferred} />}
      </section>
    </div>
  );
}
