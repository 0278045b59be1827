import { useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useFieldControl } from "../../components/Field.tsx";
import { useKnowledgeT } from "../i18n.ts";

/** Separators people type between keywords: ASCII and full-width commas, the enumeration comma, semicolons. */
const SEPARATORS = /[,，、;；\n]/;

/** Adds the keywords found in `text` to `list`, skipping blanks and ones already there (case-insensitive). */
export function addKeywords(list: readonly string[], text: string): string[] {
  const next = [...list];
  for (const part of text.split(SEPARATORS)) {
    const keyword = part.trim();
    if (keyword && !next.some((existing) => existing.toLowerCase() === keyword.toLowerCase())) {
      next.push(keyword);
    }
  }
  return next;
}

export type KeywordsInputProps = {
  value: readonly string[];
  onChange: (keywords: string[]) => void;
};

/**
 * Keywords as removable chips. Enter, a comma (，、 too) or leaving the field turns the typed text into
 * a chip; Backspace in the empty field removes the last one; pasted lists are split.
 */
export function KeywordsInput({ value, onChange }: KeywordsInputProps) {
  const t = useKnowledgeT();
  const wiring = useFieldControl();
  const [draft, setDraft] = useState("");

  const commit = (text: string) => {
    const next = addKeywords(value, text);
    if (next.length !== value.length) {
      onChange(next);
    }
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Enter adds the keyword; it must not submit the form.
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text");
    if (SEPARATORS.test(text)) {
      event.preventDefault();
      commit(`${draft}${text}`);
    }
  };

  return (
    <div className="kb-keywords">
      {value.length > 0 ? (
        <ul className="kb-chips" aria-label={t("kbe.field.keywords.list")} data-testid="kb-keyword-chips">
          {value.map((keyword) => (
            <li key={keyword} className="kb-chip">
              {keyword}
              <button
                type="button"
                className="kb-chip__remove"
                aria-label={t("kbe.field.keywords.remove", { keyword })}
                onClick={() => onChange(value.filter((existing) => existing !== keyword))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        type="text"
        className="input"
        autoComplete="off"
        {...wiring}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          if (SEPARATORS.test(text)) {
            commit(text);
          } else {
            setDraft(text);
          }
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => commit(draft)}
      />
    </div>
  );
}
