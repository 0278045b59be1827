import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorCode } from "../../errors.ts";
import { useFieldErrors } from "../../errors.ts";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import { navigateTo } from "../navigation.tsx";
import type { ArticleRecord } from "../types.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import {
  articleServerErrors,
  formFromArticle,
  sameForm,
  toArticleInput,
  validateArticle,
  type ArticleFormErrors,
  type ArticleFormValues,
} from "./formValues.ts";
import { EDITOR_PATHS, setEditorFlash, takeEditorFlash } from "./paths.ts";

export type EditorFeedback = { errors: ArticleFormErrors; general: string[]; notice: string | null; conflict: boolean };

const NO_FEEDBACK: EditorFeedback = { errors: {}, general: [], notice: null, conflict: false };

/**
 * State and actions of the article editor: validate, create or update with the lock token, submit for
 * review (saving first when needed), archive, and the CONFLICT → reload path.
 */
export function useArticleEditor(documents: KnowledgeEditorDocuments, record: ArticleRecord | null, initial: ArticleFormValues) {
  const t = useKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const localizeFields = useFieldErrors();
  const [baseline, setBaseline] = useState(initial);
  const [values, setValues] = useState(initial);
  const [changeNote, setChangeNote] = useState("");
  const [feedback, setFeedback] = useState<EditorFeedback>(() => ({ ...NO_FEEDBACK, notice: takeEditorFlash() }));
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create, creating] = useMutation(documents.create);
  const [update, updating] = useMutation(documents.update);
  const [submit, submitting] = useMutation(documents.submit);
  const [archive, archiving] = useMutation(documents.archive);
  const dirty = !sameForm(values, baseline) || changeNote.trim() !== "";

  useEffect(() => {
    if (!dirty) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const show = useCallback((next: EditorFeedback) => {
    setFeedback(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }, []);

  const fail = useCallback(
    (error: unknown) => {
      if (errorCode(error) === "CONFLICT") {
        show({ ...NO_FEEDBACK, conflict: true });
        return;
      }
      const { fields, other } = articleServerErrors(error, localizeFields(error));
      const hasFields = Object.keys(fields).length > 0;
      show({ ...NO_FEEDBACK, errors: fields, general: hasFields ? other : [errorMessage(error) ?? t("error.UNKNOWN"), ...other] });
    },
    [show, localizeFields, errorMessage, t],
  );

  const onChange = useCallback(<F extends keyof ArticleFormValues>(field: F, value: ArticleFormValues[F]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setFeedback((prev) => ({ ...prev, notice: null, errors: { ...prev.errors, [field]: undefined } }));
  }, []);

  /** Takes a saved or reloaded article as the new starting point of the form. */
  const adopt = useCallback((article: ArticleRecord) => {
    const next = formFromArticle(article);
    setBaseline(next);
    setValues(next);
    setChangeNote("");
  }, []);

  /** Validates and saves; returns the saved article, or null when it was not saved. */
  const persist = async (): Promise<ArticleRecord | null> => {
    const clientErrors = validateArticle(values, {
      required: t("common.required"),
      categories: t("kbe.validation.categories"),
      date: t("kbe.validation.date"),
      expiryOrder: t("kbe.validation.expiryOrder"),
      tooLong: t("field.TOO_LONG"),
    });
    if (Object.keys(clientErrors).length > 0) {
      show({ ...NO_FEEDBACK, errors: clientErrors });
      return null;
    }
    const input = toArticleInput(values);
    try {
      if (!record) {
        const { data } = await create({ variables: { input } });
        return data?.createArticle ?? null;
      }
      const { data } = await update({
        variables: { id: record.id, lockVersion: record.lockVersion, input, changeNote: changeNote.trim() || null },
      });
      const saved = data?.updateArticle ?? null;
      if (saved) {
        adopt(saved);
      }
      return saved;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  /** A new article moves to its own URL once it exists; the message survives the move. */
  const done = (saved: ArticleRecord, message: string) => {
    if (!record) {
      setEditorFlash(message);
      navigateTo(EDITOR_PATHS.edit(saved.id), { replace: true });
      return;
    }
    show({ ...NO_FEEDBACK, notice: message });
  };

  const save = async () => {
    const saved = await persist();
    if (saved) {
      done(saved, t("kbe.edit.saved", { version: saved.pendingChange?.version.number ?? saved.versionNumber }));
    }
  };

  const submitForReview = async () => {
    const current = !record || dirty ? await persist() : record;
    if (!current) {
      return;
    }
    try {
      const { data } = await submit({ variables: { id: current.id, lockVersion: current.lockVersion } });
      if (data) {
        adopt(data.submitArticleForReview);
        done(data.submitArticleForReview, t("kbe.edit.submitted"));
      }
    } catch (error) {
      fail(error);
    }
  };

  const archiveArticle = async () => {
    if (!record) {
      return;
    }
    try {
      const { data } = await archive({ variables: { id: record.id, lockVersion: record.lockVersion } });
      if (data) {
        adopt(data.archiveArticle);
        show({ ...NO_FEEDBACK, notice: t("kbe.edit.archived") });
      }
    } catch (error) {
      fail(error);
    }
  };

  return {
    values,
    onChange,
    changeNote,
    setChangeNote,
    feedback,
    summaryRef,
    dirty,
    adopt,
    clearFeedback: () => setFeedback(NO_FEEDBACK),
    /** After a change was put in force elsewhere on the page (urgent approval): the form starts from it. */
    applied: (message: string) => show({ ...NO_FEEDBACK, notice: message }),
    save,
    submitForReview,
    archiveArticle,
    saving: creating.loading || updating.loading,
    submitting: submitting.loading,
    archiving: archiving.loading,
  };
}
