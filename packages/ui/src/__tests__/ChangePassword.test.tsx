import { gql } from "@apollo/client";
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
        mustChangePassword
      }
    }
  ` as StaffDocuments["me"],
  login: gql`
    mutation Login($input: LoginInput!) {
      login(input: $input) {
        viewer {
          id
        }
      }
    }
  ` as StaffDocuments["login"],
  logout: gql`
    mutation Logout {
      logout
    }
  ` as StaffDocuments["logout"],
  changePassword: gql`
    mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
      changeMyPassword(input: $input) {
        id
        username
        displayName
        roles
        mustChangePassword
      }
    }
  ` as NonNullable<StaffDocuments["changePassword"]>,
};

const viewer = { __typename: "Viewer", id: "u1", username: "qian", displayName: "钱干事", roles: ["HANDLER"], mustChangePassword: true };
const changed = { ...viewer, mustChangePassword: false };

function renderGate(mocks: ConstructorParameters<typeof MockedProvider>[0]["mocks"], language: "zh-CN" | "en" = "zh-CN") {
  return render(
    <MockedProvider mocks={mocks}>
      <I18nProvider language={language}>
        <StaffGate title="受理工作台" documents={documents}>
          {({ viewer: who }) => <p>欢迎 {who.displayName}</p>}
        </StaffGate>
      </I18nProvider>
    </MockedProvider>,
  );
}

function fill(current: string, next: string, repeat: string) {
  fireEvent.change(screen.getByLabelText("临时（当前）密码"), { target: { value: current } });
  fireEvent.change(screen.getByLabelText(/^新密码/), { target: { value: next } });
  fireEvent.change(screen.getByLabelText("再次输入新密码"), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId("change-password-submit"));
}

describe("the forced password change after a reset", () => {
  it("shows only the change form while the password must change, words the policy's code, then lets the person in", async () => {
    renderGate([
      { request: { query: documents.me }, result: { data: { me: viewer } } },
      {
        request: { query: documents.changePassword!, variables: { input: { currentPassword: "k7Qm-x3Ta-9pRc", newPassword: "password1234" } } },
        result: { errors: [{ message: "too common", extensions: { code: "BAD_USER_INPUT", fields: [{ field: "newPassword", code: "COMMON", message: "too common" }] } }] },
      },
      {
        request: { query: documents.changePassword!, variables: { input: { currentPassword: "k7Qm-x3Ta-9pRc", newPassword: "青城 集市 早晨 喇叭" } } },
        result: { data: { changeMyPassword: changed } },
      },
      { request: { query: documents.me }, result: { data: { me: changed } } },
    ]);
    expect(await screen.findByRole("heading", { name: "设置新密码" })).toBeTruthy();
    expect(screen.queryByText(/欢迎/)).toBeNull();

    fill("k7Qm-x3Ta-9pRc", "password1234", "password1234x");
    expect(await screen.findByText("两次输入的新密码不一致。")).toBeTruthy();

    fill("k7Qm-x3Ta-9pRc", "password1234", "password1234");
    expect(await screen.findByText("该密码过于常见、容易被猜到，请换一个。")).toBeTruthy();
    expect(screen.queryByText(/欢迎/)).toBeNull();

    fill("k7Qm-x3Ta-9pRc", "青城 集市 早晨 喇叭", "青城 集市 早晨 喇叭");
    expect(await screen.findByText("欢迎 钱干事")).toBeTruthy();
  });

  it("says when the temporary password is wrong, in English too", async () => {
    renderGate(
      [
        { request: { query: documents.me }, result: { data: { me: viewer } } },
        {
          request: { query: documents.changePassword!, variables: { input: { currentPassword: "wrong", newPassword: "lantern harbour tulip morning" } } },
          result: { errors: [{ message: "The current password is not correct.", extensions: { code: "ACCOUNTS/WRONG_PASSWORD" } }] },
        },
      ],
      "en",
    );
    expect(await screen.findByRole("heading", { name: "Choose a new password" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Temporary (current) password"), { target: { value: "wrong" } });
    fireEvent.change(screen.getByLabelText(/^New password$/), { target: { value: "lantern harbour tulip morning" } });
    fireEvent.change(screen.getByLabelText("New password again"), { target: { value: "lantern harbour tulip morning" } });
    fireEvent.click(screen.getByTestId("change-password-submit"));
    expect(await screen.findByText("The temporary (current) password is not correct.")).toBeTruthy();
  });
});
