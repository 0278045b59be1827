import { ApolloProvider } from "@apollo/client/react";
import { createApolloClient, I18nProvider } from "@civicline/ui";
import "@civicline/ui/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { supervisorMessages } from "./messages.ts";
import "./supervisor.css";

const root = document.getElementById("root");
if (!root) {
  throw new Error("#root is missing from index.html");
}

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <I18nProvider messages={supervisorMessages}>
        <App />
      </I18nProvider>
    </ApolloProvider>
  </StrictMode>,
);
