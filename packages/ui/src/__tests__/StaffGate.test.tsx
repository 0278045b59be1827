import { gql, type TypedDocumentNode } from "@apollo/client";
import { MockedProvider } from "@apollo/client/testing/react";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { StaffDocuments } from "../auth/documents.ts";
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
  ` as TypedDocumentNode<{ logout: boolean }, { [key: string]: never }>,
};

const viewer = { __typename: "Viewer", id: "u1", username: "wang", displayName: "王芳", roles: ["OPERATOR"] };
const loginVariables = { input: { username: "wang", password: "secret" } };

function renderGate(mocks: ConstructorParameters<typeof MockedProvider>[0]["mocks"]) {
  return render(
    <MockedProvider mocks={mocks}>
      <I18nProvider language="zh-CN">
        <StaffGate title="受理工作台" documents={documents}>
          {({ viewer: who }) => <p>欢迎 {who.displayName}</p>}
        </StaffGate>
      </I18nProvider>
    </MockedProvider>,
  );
}

function signIn() {
  fireEvent.change(screen.getByLabelText("用户名"), { target: { value: "wang" } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: "secret" } });
  fireEvent.click(screen.getByTestId("login-submit"));
}

describe("StaffGate and LoginPage", () => {
  it("shows the login page when nobody is signed in, and the app after a successful login", async () => {
    renderGate([
      { request: { query: documents.me }, result: { data: { me: null } } },
      { request: { query: documents.login, variables: loginVariables }, result: { data: { login: { __typename: "LoginPayload", viewer } } } },
      { request: { query: documents.me }, result: { data: { me: viewer } } },
    ]);
    expect(await screen.findByRole("heading", { name: "工作人员登录" })).toBeTruthy();
    signIn();
    expect(await screen.findByText("欢迎 王芳")).toBeTruthy();
  });

  it("shows a localized message for wrong credentials", async () => {
    renderGate([
      { request: { query: documents.me }, result: { data: { me: null } } },
      {
        request: { query: documents.login, variables: loginVariables },
        result: { errors: [{ message: "Invalid credentials", extensions: { code: "AUTH/INVALID_CREDENTIALS" } }] },
      },
    ]);
    await screen.findByRole("heading", { name: "工作人员登录" });
    signIn();
    expect((await screen.findByTestId("login-error")).textContent).toBe("用户名或密码错误。");
  });

  it("asks for missing username and password without calling the server", async () => {
    renderGate([{ request: { query: documents.me }, result: { data: { me: null } } }]);
    await screen.findByRole("heading", { name: "工作人员登录" });
    fireEvent.click(screen.getByTestId("login-submit"));
    expect(screen.getByLabelText("用户名").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByText("此项为必填项。")).toHaveLength(2);
  });
});
