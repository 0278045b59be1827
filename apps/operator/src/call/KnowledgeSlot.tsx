import { useApolloClient } from "@apollo/client/react";
import { UsedArticleFragmentDoc } from "../gql/graphql.ts";
import { KnowledgeSidePanel } from "../knowledge/index.ts";

/** An article the call-taker used for this call (picked in the knowledge panel). */
export type UsedArticle = { id: string; title: string };

export type KnowledgeSlotProps = {
  /** The description as typed: the panel searches the knowledge base with it. */
  query: string;
  onUse: (articles: UsedArticle[]) => void;
};

/**
 * The knowledge base beside the description (the colleague's `KnowledgeSidePanel`, issue 3). Uses
 * are not recorded by the panel: `answerDirectly` links the articles to the ticket, and the
 * knowledge base counts them from that event, so a use is counted once and against the ticket.
 */
export function KnowledgeSlot({ query, onUse }: KnowledgeSlotProps) {
  const client = useApolloClient();
  const titleOf = (id: string) => {
    const cached = client.cache.readFragment({ fragment: UsedArticleFragmentDoc, id: client.cache.identify({ __typename: "Article", id }) });
    return cached?.title ?? `#${id}`;
  };
  return (
    <div className="call-side card call-kb" data-testid="knowledge-slot">
      <KnowledgeSidePanel query={query} recordUse={false} onUse={(ids) => onUse(ids.map((id) => ({ id, title: titleOf(id) })))} />
    </div>
  );
}
