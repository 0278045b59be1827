import { createContext, useContext, type ReactNode } from "react";

/** Wraps the pages that read from the gateway in what gives them a GraphQL client. */
export type DataBoundary = (page: ReactNode) => ReactNode;

/**
 * Where the GraphQL client comes from for the pages that need data. main.tsx provides a lazily
 * loaded ApolloProvider (apolloRoot.tsx: the Apollo client, its WebSocket link and the GraphQL
 * printer are a chunk of their own, so the home page paints without them); tests render the app
 * inside a MockedProvider and keep the default, which adds nothing.
 */
export const DataBoundaryContext = createContext<DataBoundary>((page) => page);

/** Wraps a page that queries the gateway in the data boundary (suspends while the client loads). */
export function WithData({ children }: { children: ReactNode }) {
  return useContext(DataBoundaryContext)(children);
}
