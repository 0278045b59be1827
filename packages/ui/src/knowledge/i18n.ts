import { useCallback } from "react";
import { interpolate, lookup, type Catalog, type MessageVars } from "../i18n/catalog.ts";
import { useLanguage, type Translate } from "../i18n/I18nProvider.tsx";
import { uiMessages } from "../i18n/messages.ts";
import { editorMessages, type EditorMessageKey } from "./editor/messages.ts";
import { knowledgeMessages, type KnowledgeMessageKey } from "./messages.ts";

/** Keys every knowledge-base screen can use: shared UI, knowledge and editor wording. */
export type KbKey = KnowledgeMessageKey | EditorMessageKey;

const SHARED: readonly Catalog<string>[] = [knowledgeMessages, editorMessages, uiMessages];

/**
 * `t()` for knowledge-base screens: the screen's own catalog (`extra`, optional) first, then the
 * shared knowledge and UI wording. Needs no registration with the app's I18nProvider.
 */
export function useKnowledgeT<K extends string = never>(extra?: Catalog<K>): Translate<K | KbKey> {
  const { language } = useLanguage();
  return useCallback(
    (key: string, vars?: MessageVars) => interpolate(lookup(extra ? [extra, ...SHARED] : SHARED, language, key), vars),
    [language, extra],
  );
}
