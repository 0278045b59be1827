import { gql, type TypedDocumentNode } from "@apollo/client";
import { ApolloProvider, useMutation } from "@apollo/client/react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApolloClient } from "../apollo.ts";
import type { StaffDocuments } from "../auth/documents.ts";
import { settleSignIn } from "../auth/sessionExpiry.ts";
import { StaffGate } from "../auth/StaffGate.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

const documents: StaffDocuments = {
  me: gql`
    query Me {
      me {
        id
        username
        displayName
        roles
      }
    }
  ` as StaffDocuments["me"],
  login: gql`
    mutation Login($input: LoginInput!) {
      login(input: $input) {
        viewer {
          id
          username
          displayName
          roles
        }
      }
    }
  ` as StaffDocuments["login"],
  logout: gql`
    mutation Logout {
      logout
    }
  ` as StaffDocuments["logout"],
};

const SAVE = gql`
  mutation SaveCall($key: String!, $text: String!) {
    saveCall(key: $key, text: $text) {
      number
    }
  }
` as TypedDocumentNode<{ saveCall: { number: string } }, { key: string; text: string }>;

const viewer = { __typename: "Viewer", id: "u1", username: "operator", displayName: "王敏", roles: ["OPERATOR"] };

/** A gateway in miniature: the session can end; saveCall is idempotent by key. */
function fakeGateway() {
  const state = { signedIn: true, saves: [] as { key: string; text: string }[], created: new Map<string, string>() };
  const fetchStub = vi.fn(async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { operationName: string; variables: Record<string, unknown> };
    const reply = (payload: unknown) => new Response(JSON.stringify(payload), { status: 200, headers: { "content-type": "application/json" } });
    if (body.operationName === "Me") {
      return reply({ data: { me: state.signedIn ? viewer : null } });
    }
    if (body.operationName === "Login") {
      state.signedIn = true;
      return reply({ data: { login: { __typename: "LoginPayload", viewer } } });
    }
    const variables = body.variables as { key: string; text: string };
    state.saves.push(variables);
    if (!state.signedIn) {
      return reply({ data: null, errors: [{ message: "Sign in first.", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    const number = state.created.get(variables.key) ?? `ZB-${state.created.size + 1}`;
    state.created.set(variables.key, number);
    return reply({ data: { saveCall: { __typename: "SavedCall", number } } });
  });
  return { state, fetchStub };
}

function CallDesk() {
  const [text, setText] = useState("");
  const [key] = useState("idem-1");
  const [message, setMessage] = useState("");
  const [save] = useMutation(SAVE);
  const submit = async () => {
    try {
      const { data } = await save({ variables: { key, text } });
      setMessage(`saved ${data?.saveCall.number ?? ""}`);
    } catch (error) {
      setMessage(`could not be saved: ${String(error)}`);
    }
  };
  return (
    <>
      <label>
        description <input value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="button" onClick={() => void submit()}>
        save
      </button>
      <p data-testid="outcome">{message}</p>
    </>
  );
}

afterEach(() => {
  settleSignIn(false);
  vi.unstubAllGlobals();
});

describe("a session that ends while a call is being filled (issue 16 bug 3)", () => {
  it("offers the sign-in over the page, keeps what was typed, and sends the same request again: one ticket, no stale error", async () => {
    const { state, fetchStub } = fakeGateway();
    vi.stubGlobal("fetch", fetchStub);
    render(
      <ApolloProvider client={createApolloClient({ uri: "http://localhost/graphql" })}>
        <I18nProvider language="zh-CN">
          <StaffGate title="受理工作台" documents={documents}>
            {() => <CallDesk />}
          </StaffGate>
        </I18nProvider>
      </ApolloProvider>,
    );
    fireEvent.change(await screen.findByLabelText("description"), { target: { value: "路灯不亮" } });
    state.signedIn = false;
    fireEvent.click(screen.getByText("save"));

    const dialog = await screen.findByTestId("sign-in-again");
    expect(dialog.textContent).toContain("登录已失效");
    expect((screen.getByLabelText("description") as HTMLInputElement).value).toBe("路灯不亮");
    expect(screen.getByTestId("outcome").textContent).toBe("");

    fireEvent.change(screen.getByLabelText("用户名"), { target: { value: "operator" } });
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "civicline-demo" } });
    fireEvent.click(screen.getByTestId("login-submit"));

    await waitFor(() => expect(screen.getByTestId("outcome").textContent).toBe("saved ZB-1"));
    expect(screen.queryByTestId("sign-in-again")).toBeNull();
    expect(state.saves).toEqual([
      { key: "idem-1", text: "路灯不亮" },
      { key: "idem-1", text: "路灯不亮" },
    ]);
    expect(state.created.size).toBe(1);
  });
});
