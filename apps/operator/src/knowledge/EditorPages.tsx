import { ArticleEditorRoutes, type EditorRoute } from "@civicline/ui";
import { knowledgeEditorDocuments } from "./editorDocuments.ts";

/**
 * The shared article editor with this app's documents. A module of its own so that routes.tsx can
 * load it lazily: the documents come from the generated src/gql/graphql.ts, which must not be
 * imported by anything in the first chunk (issue 15).
 */
export function EditorPages({ route, roles }: { route: EditorRoute; roles: readonly string[] }) {
  return <ArticleEditorRoutes route={route} roles={roles} documents={knowledgeEditorDocuments} />;
}
