import { useId, type TextareaHTMLAttributes } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { useFieldControl } from "./Field.tsx";

/** Characters as people count them (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

export type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "maxLength"> & {
  value: string;
  /** Limit shown in the counter; typing past it is allowed but flagged, so pasted text is never cut. */
  maxChars: number;
};

/** Multi-line input with a live character counter linked by aria-describedby. */
export function TextArea({ value, maxChars, className, ...props }: TextAreaProps) {
  const t = useT();
  const counterId = `counter${useId()}`;
  const wiring = useFieldControl(counterId);
  const count = characterCount(value);
  const over = count - maxChars;
  return (
    <>
      <textarea className={["textarea", className].filter(Boolean).join(" ")} value={value} {...wiring} {...props} />
      <p id={counterId} className={over > 0 ? "counter counter--over" : "counter"} data-testid="char-counter">
        {over > 0 ? t("common.charCountOver", { over, max: maxChars }) : t("common.charCount", { count, max: maxChars })}
      </p>
    </>
  );
}
