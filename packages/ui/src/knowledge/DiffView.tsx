import { useKnowledgeT } from "./i18n.ts";
import type { DiffSegment } from "./types.ts";

export type DiffViewProps = {
  segments: readonly DiffSegment[];
  /** Names the compared field; the group's accessible name. */
  label?: string;
  /** Keyword lists: each segment is one keyword, shown as a chip. */
  variant?: "text" | "chips";
  /** Shorten long unchanged runs to their start and end so the changes stand out. */
  collapseSame?: boolean;
  testId?: string;
};

const KEEP = 160;

/** A long unchanged run cut to its first and last characters (code points, CJK-safe). */
export function collapseRun(text: string, keep = KEEP): string {
  const chars = Array.from(text);
  if (chars.length <= keep * 2 + 20) {
    return text;
  }
  return `${chars.slice(0, keep).join("")} … ${chars.slice(-keep).join("")}`;
}

/**
 * Renders a diff from the API: added runs in <ins> (green, underlined), removed runs in <del>
 * (red, struck through). Each run starts with a visually hidden "Added:" / "Removed:" so the change
 * relies neither on colour nor on screen readers announcing ins/del.
 */
export function DiffView({ segments, label, variant = "text", collapseSame = false, testId }: DiffViewProps) {
  const t = useKnowledgeT();
  const changed = segments.some((segment) => segment.kind !== "SAME");
  if (!changed) {
    return (
      <div className="kb-diff" role="group" aria-label={label} data-testid={testId}>
        <p className="kb-diff__none">{t("kb.diff.noChanges")}</p>
      </div>
    );
  }
  if (variant === "chips") {
    return (
      <div className="kb-diff" role="group" aria-label={label} data-testid={testId}>
        <ul className="kb-chips">
          {segments.map((segment, index) => (
            <li key={index} className={`kb-chip kb-chip--${segment.kind.toLowerCase()}`}>
              <DiffRun segment={segment} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="kb-diff" role="group" aria-label={label} data-testid={testId}>
      <p className="kb-diff__text">
        {segments.map((segment, index) => (
          <DiffRun key={index} segment={collapseSame && segment.kind === "SAME" ? { ...segment, text: collapseRun(segment.text) } : segment} />
        ))}
      </p>
    </div>
  );
}

function DiffRun({ segment }: { segment: DiffSegment }) {
  const t = useKnowledgeT();
  if (segment.kind === "ADDED") {
    return (
      <ins className="kb-diff__added" data-kind="ADDED">
        <span className="visually-hidden">{`${t("kb.diff.added")} `}</span>
        {segment.text}
      </ins>
    );
  }
  if (segment.kind === "REMOVED") {
    return (
      <del className="kb-diff__removed" data-kind="REMOVED">
        <span className="visually-hidden">{`${t("kb.diff.removed")} `}</span>
        {segment.text}
      </del>
    );
  }
  return <span data-kind="SAME">{segment.text}</span>;
}

/** Title, summary, body and keyword diffs of two versions, each under its own heading. */
export function ArticleDiffView({
  diff,
  headingLevel = 3,
}: {
  diff: {
    fromVersion: number;
    toVersion: number;
    title: readonly DiffSegment[];
    summary: readonly DiffSegment[];
    body: readonly DiffSegment[];
    keywords: readonly DiffSegment[];
  };
  headingLevel?: 2 | 3 | 4;
}) {
  const t = useKnowledgeT();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${Math.min(headingLevel + 1, 5) as 3 | 4 | 5}` as const;
  const parts = [
    { key: "title", label: t("kb.diff.title"), segments: diff.title, variant: "text" },
    { key: "summary", label: t("kb.diff.summary"), segments: diff.summary, variant: "text" },
    { key: "body", label: t("kb.diff.body"), segments: diff.body, variant: "text" },
    { key: "keywords", label: t("kb.diff.keywords"), segments: diff.keywords, variant: "chips" },
  ] as const;
  return (
    <section className="kb-article-diff" data-testid="kb-article-diff">
      <Heading>{t("kb.diff.heading", { from: diff.fromVersion, to: diff.toVersion })}</Heading>
      <p className="kb-diff__legend">{t("kb.diff.legend")}</p>
      {parts.map((part) => (
        <div key={part.key} className="kb-article-diff__part">
          <Sub className="kb-article-diff__label">{part.label}</Sub>
          <DiffView segments={part.segments} label={part.label} variant={part.variant} collapseSame={part.key === "body"} testId={`kb-diff-${part.key}`} />
        </div>
      ))}
    </section>
  );
}
