import { lazy, Suspense } from "react";
import { useT } from "../i18n/I18nProvider.tsx";

export type Level = 1 | 2 | 3 | 4 | 5 | 6;

export type MarkdownBodyProps = {
  source: string;
  className?: string;
  /** Level the body's top headings get, so they nest under the article title (title h2 → 3). */
  headingLevel?: Level;
};

/** The smallest ATX heading level used in `source` (# → 1); 1 when there is none. */
export function topHeadingLevel(source: string): Level {
  const levels = Array.from(source.matchAll(/^ {0,3}(#{1,6})[ \t]/gm), (match) => match[1]?.length ?? 1);
  return (levels.length > 0 ? Math.min(...levels) : 1) as Level;
}

// The renderer and its markdown toolchain are a chunk of their own (issue 15: the apps' first
// JavaScript carries no markdown); it is fetched when the first article body is shown.
const MarkdownRenderer = lazy(() => import("./MarkdownRenderer.tsx"));

/**
 * An article body written in Markdown (with GitHub tables and lists); raw HTML is shown as text and
 * unsafe link targets are dropped (MarkdownRenderer.tsx). Until the renderer has loaded, a busy
 * placeholder of the same class stands in, announced as loading.
 */
export function MarkdownBody(props: MarkdownBodyProps) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <div className={["kb-markdown", props.className].filter(Boolean).join(" ")} aria-busy="true">
          <p className="loading" role="status">
            {t("common.loading")}
          </p>
        </div>
      }
    >
      <MarkdownRenderer {...props} />
    </Suspense>
  );
}
