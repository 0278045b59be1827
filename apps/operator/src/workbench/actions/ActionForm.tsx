import { Alert, Button } from "@civicline/ui";
import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useWorkbenchT } from "../messages.ts";

export type ActionFormProps = {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  testId?: string;
  submitTestId?: string;
  children: ReactNode;
};

/**
 * Frame of an action: heading, fields, the error, submit and cancel. Focus moves to the first field
 * when it opens; Escape cancels the action (not the whole panel).
 */
export function ActionForm({ title, submitLabel, busy, error, onSubmit, onCancel, testId, submitTestId, children }: ActionFormProps) {
  const t = useWorkbenchT();
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) {
      onSubmit();
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form ref={ref} className="action-form" aria-labelledby={titleId} onSubmit={submit} onKeyDown={onKeyDown} data-testid={testId} noValidate>
      <h4 id={titleId}>{title}</h4>
      {children}
      {error ? <Alert>{error}</Alert> : null}
      <div className="action-form__buttons">
        <Button type="submit" busy={busy} data-testid={submitTestId}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("act.cancel")}
        </Button>
      </div>
    </form>
  );
}
