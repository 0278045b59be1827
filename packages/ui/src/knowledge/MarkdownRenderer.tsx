import { useMemo } from "react";
import { topHeadingLevel, type MarkdownBodyProps } from "./Markdown.tsx";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkGfm from "remark-gfm";

/** GitHub tables and lists; CJK-friendly emphasis so that `**60%–300%**之间` is bold (CommonMark's
 * flanking rules alone leave the asterisks when punctuation meets a Chinese character). */
const PLUGINS = [remarkGfm, remarkCjkFriendly];
const TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

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

/**
 * The markdown toolchain (react-markdown, micromark, remark-gfm — about a quarter of an app's
 * JavaScript) lives in this module only, loaded on the first article shown (see Markdown.tsx).
 *
 * An article body written in Markdown (with GitHub tables and lists). Raw HTML in the source is
 * never turned into elements: react-markdown shows it as text unless a raw-HTML plugin is added,
 * which we do not; `javascript:` and other unsafe link targets are dropped by its URL filter.
 */
export default function MarkdownRenderer({ source, className, headingLevel = 2 }: MarkdownBodyProps) {
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
