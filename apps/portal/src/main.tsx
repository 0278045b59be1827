import { I18nProvider } from "@civicline/ui";
import "@civicline/ui/styles.css";
import { lazy, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DataBoundaryContext, type DataBoundary } from "./data.tsx";
import { portalMessages } from "./messages.ts";
import "./portal.css";

const root = document.getElementById("root");
if (!root) {
  throw new Error("#root is missing from index.html");
}

// The GraphQL client is fetched with the first page that needs it (data.tsx); the shell and the home page do not wait for it.
const ApolloRoot = lazy(() => import("./apolloRoot.tsx"));
const withApollo: DataBoundary = (page) => <ApolloRoot>{page}</ApolloRoot>;

createRoot(root).render(
  <StrictMode>
    <DataBoundaryContext.Provider value={withApollo}>
      <I18nProvider messages={portalMessages}>
        <App />
      </I18nProvider>
    </DataBoundaryContext.Provider>
  </StrictMode>,
);
