import { ApolloProvider } from "@apollo/client/react";
import { createApolloClient } from "@civicline/ui";
import type { ReactNode } from "react";

/** One client for the page's life, created when the first page that needs data is shown. */
const client = createApolloClient();

/** Loaded lazily by main.tsx (see data.tsx). */
export default function ApolloRoot({ children }: { children: ReactNode }) {
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
