import { useMemo } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkGfm from "remark-gfm";

/** GitHub tables and lists; CJK-friendly emphasis so that `**60%–300%**之间` is bold (CommonMark's
 * flanking rules alone leave the asterisks when punctuation meets a Chinese character). */
const PLUGINS = [remarkGfm, remarkCjkFriendly];
const TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** The smallest ATX heading level used in `source` (# → 1); 1 when there is none. */
export function topHeadingLevel(source: string): Level {
  const levels = Array.from(source.matchAll(/^ {0,3}(#{1,6})[ \t]/gm), (match) => match[1]?.length ?? 1);
  return (levels.length > 0 ? Math.min(...levels) : 1) as Level;
}

function components(shift: number): Components {
  const headings: Components = {};
  TAGS.forEach((name, index) => {
    const Tag = TAGS[Math.min(5, Math.max(0, index + shift))] ?? "h6";
    headings[name] = ({ node: _node, ...props }) => <Tag {...props} />;
  });
  return {
    ...headings,
    // Links leave the app in a new tab without handing it a reference to this page.
    a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  };
}

export type MarkdownBodyProps = {
  source: string;
  className?: string;
  /** Level the body's top headings get, so they nest under the article title (title h2 → 3). */
  headingLevel?: Level;
};

/**
 * An article body written in Markdown (with GitHub tables and lists). Raw HTML in the source is
 * never turned into elements: react-markdown shows it as text unless a raw-HTML plugin is added,
 * which we do not; `javascript:` and other unsafe link targets are dropped by its URL filter.
 */
export function MarkdownBody({ source, className, headingLevel = 2 }: MarkdownBodyProps) {
  const shift = headingLevel - topHeadingLevel(source);
  const mapped = useMemo(() => components(shift), [shift]);
  return (
    <div className={["kb-markdown", className].filter(Boolean).join(" ")}>
      <Markdown remarkPlugins={PLUGINS} components={mapped} urlTransform={defaultUrlTransform}>
        {source}
      </Markdown>
    </div>
  );
}
