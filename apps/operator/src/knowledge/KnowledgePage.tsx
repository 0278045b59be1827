import { Field, TextInput } from "@civicline/ui";
import { useState } from "react";
import { KnowledgeSidePanel } from "./KnowledgeSidePanel.tsx";
import { useOperatorKnowledgeT } from "./messages.ts";

/** Keeps the search in the address (?q=) so a reload or a shared link shows the same results. */
function readQuery(): string {
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

function writeQuery(query: string): void {
  const url = new URL(window.location.href);
  if (query.trim()) {
    url.searchParams.set("q", query);
  } else {
    url.searchParams.delete("q");
  }
  window.history.replaceState(window.history.state, "", url);
}

/** The operator's knowledge base page: a search box driving the same panel the call screen embeds. */
export function KnowledgePage() {
  const t = useOperatorKnowledgeT();
  const [query, setQuery] = useState(readQuery);
  return (
    <div className="kb-search-page">
      <h1 tabIndex={-1}>{t("kbo.page.title")}</h1>
      <p className="kb-intro">{t("kbo.page.intro")}</p>
      <div className="card">
        <KnowledgeSidePanel
          query={query}
          onUse={() => undefined}
          title={null}
          renderSearchInput={(inputProps) => (
            <Field id="kb-search" label={t("kbo.search.label")} hint={t("kbo.search.hint")}>
              <TextInput
                {...inputProps}
                type="search"
                name="q"
                autoComplete="off"
                spellCheck={false}
                enterKeyHint="search"
                value={query}
                autoFocus
                onChange={(event) => {
                  setQuery(event.target.value);
                  writeQuery(event.target.value);
                }}
                data-testid="kb-search-input"
              />
            </Field>
          )}
        />
      </div>
      <p className="field__hint kb-search-page__note">{t("kbo.page.usedNote")}</p>
    </div>
  );
}
