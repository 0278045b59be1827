import { useCallback } from "react";
import { errorCode, useErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "./i18n.ts";
import type { KnowledgeMessageKey } from "./messages.ts";

/** Error codes of the knowledge API that get their own wording. */
export const KNOWLEDGE_ERROR_CODES = [
  "KNOWLEDGE/ARTICLE_NOT_FOUND",
  "KNOWLEDGE/INVALID_TRANSITION",
  "KNOWLEDGE/REVIEWER_IS_AUTHOR",
  "KNOWLEDGE/IMPORT_NOT_FOUND",
  "CONFLICT",
] as const;
export type KnowledgeErrorCode = (typeof KNOWLEDGE_ERROR_CODES)[number];

export function isKnowledgeErrorCode(code: string | undefined): code is KnowledgeErrorCode {
  return code !== undefined && (KNOWLEDGE_ERROR_CODES as readonly string[]).includes(code);
}

/** Like `useErrorMessage`, plus the knowledge codes (KNOWLEDGE/*, CONFLICT) in the UI language. */
export function useKnowledgeErrorMessage(): (error: unknown) => string | undefined {
  const t = useKnowledgeT();
  const generic = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      if (isKnowledgeErrorCode(code)) {
        return t(`kb.error.${code}` satisfies KnowledgeMessageKey);
      }
      return generic(error);
    },
    [t, generic],
  );
}
