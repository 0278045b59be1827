import type { HighlightSegment } from "./types.ts";

export type HighlightedProps = {
  segments: readonly HighlightSegment[];
  className?: string;
};

/** Text from the search API with the matched words in <mark> (announced as "highlighted" by screen readers). */
export function Highlighted({ segments, className }: HighlightedProps) {
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="kb-mark">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

/** The plain text of highlighted segments (for labels and titles). */
export function plainText(segments: readonly HighlightSegment[]): string {
  return segments.map((segment) => segment.text).join("");
}
