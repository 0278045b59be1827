import { ApolloClient, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink } from "@apollo/client/testing";
import { I18nProvider, type Language } from "@civicline/ui";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { AppealQaScoreDocument, MyQaResultsDocument } from "../../gql/graphql.ts";
import { operatorMessages } from "../../messages.ts";
import { MyQaPage } from "../MyQaPage.tsx";

const always = { maxUsageCount: Number.POSITIVE_INFINITY };
const deduction = { __typename: "QaDeduction" as const, key: "no_number", label: "未报工号", labelEn: "No work number", points: 4 };

function score(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "QaScore" as const,
    id: "s1",
    version: 1,
    reason: "INSPECTION",
    total: 90,
    critical: false,
    criticalErrors: [],
    criteria: [
      { __typename: "QaCriterionScore" as const, key: "greeting", label: "问候语", labelEn: "Greeting", weight: 10, score: 6, deductions: [deduction], comment: "开头未报工号。" },
      { __typename: "QaCriterionScore" as const, key: "accuracy", label: "答复准确", labelEn: "Accuracy", weight: 30, score: 30, deductions: [], comment: null },
    ],
    comment: "倾听到位。",
    scoredByName: "刘洋",
    scoredAt: "2026-12-04T02:00:00.000Z",
    ...overrides,
  };
}

function result(overrides: Record<string, unknown> = {}) {
  const given = score();
  return {
    __typename: "QaInspection" as const,
    id: "i1",
    callRecordId: "c1",
    callStartedAt: "2026-12-03T01:30:00.000Z",
    inspectorName: "刘洋",
    state: "SCORED",
    formVersion: { __typename: "QaScoreFormVersion" as const, id: "fv-3", formName: "话务质检评分表", formNameEn: "Call QA form", version: 3 },
    score: given,
    scores: [given],
    appeal: null,
    appealDeadline: "2026-12-09T10:00:00.000Z",
    canAppeal: true,
    scoredAt: "2026-12-04T02:00:00.000Z",
    ...overrides,
  };
}

function renderPage(mocks: MockLink.MockedResponse[], language: Language = "en") {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new MockLink(mocks, { defaultOptions: { delay: 0 } }) });
  return render(
    <ApolloProvider client={client}>
      <I18nProvider messages={operatorMessages} language={language}>
        <MyQaPage />
      </I18nProvider>
    </ApolloProvider>,
  );
}

describe("the call-taker's QA results", () => {
  it("shows each score with its criteria and comments, and appeals once with a reason", async () => {
    let current = result();
    const appeals: Array<Record<string, unknown>> = [];
    renderPage([
      { ...always, request: { query: MyQaResultsDocument, variables: { first: 50 } }, result: () => ({ data: { myQaResults: [current] } }) } as MockLink.MockedResponse,
      {
        ...always,
        request: { query: AppealQaScoreDocument, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          appeals.push(variables);
          current = result({ state: "APPEALED", canAppeal: false, appeal: { __typename: "QaAppeal", id: "a1", state: "PENDING", reason: "我在开头已报工号。", filedAt: "2026-12-04T03:00:00.000Z", decidedAt: null, decidedByName: null, decisionNote: null } });
          return { data: { appealQaScore: current } };
        },
      } as MockLink.MockedResponse,
    ]);
    const card = await screen.findByTestId("my-qa-result");
    expect(within(card).getByTestId("my-qa-total").textContent).toBe("90 / 100");
    expect(within(card).getAllByTestId("my-qa-criterion-comment")[0]!.textContent).toBe("开头未报工号。");
    expect(within(card).getByText("No work number (−4)")).toBeTruthy();
    expect(screen.getByTestId("my-qa-summary").textContent).toBe("1 scored calls · average 90");
    // No reason: refused on the field, nothing sent.
    expect(within(card).queryByTestId("my-qa-appeal-form")).toBeNull();
    fireEvent.click(within(card).getByTestId("my-qa-appeal-open"));
    fireEvent.click(within(card).getByTestId("my-qa-appeal-submit"));
    expect(within(card).getByText("Give the reason for your appeal.")).toBeTruthy();
    fireEvent.change(within(card).getByTestId("my-qa-appeal-reason"), { target: { value: "我在开头已报工号。" } });
    fireEvent.click(within(card).getByTestId("my-qa-appeal-submit"));
    expect(await within(card).findByTestId("my-qa-appeal-state")).toBeTruthy();
    expect(appeals).toEqual([{ inspectionId: "i1", reason: "我在开头已报工号。" }]);
    expect(within(card).queryByTestId("my-qa-appeal-form")).toBeNull();
  });

  it("a second appeal refused by the server is explained in Chinese; an upheld appeal shows both versions", async () => {
    const revised = score({ id: "s2", version: 2, reason: "APPEAL_UPHELD", total: 100 });
    const upheld = result({
      id: "i2",
      state: "APPEAL_UPHELD",
      canAppeal: false,
      score: revised,
      scores: [score(), revised],
      appeal: { __typename: "QaAppeal", id: "a2", state: "UPHELD", reason: "已报工号", filedAt: "2026-12-04T03:00:00.000Z", decidedAt: "2026-12-05T03:00:00.000Z", decidedByName: "赵组长", decisionNote: "经核听录音，已报工号。" },
    });
    renderPage(
      [
        { ...always, request: { query: MyQaResultsDocument, variables: { first: 50 } }, result: { data: { myQaResults: [result(), upheld] } } } as MockLink.MockedResponse,
        { ...always, request: { query: AppealQaScoreDocument, variables: () => true }, result: { errors: [new GraphQLError("x", { extensions: { code: "QA/APPEAL_EXISTS" } })] } } as MockLink.MockedResponse,
      ],
      "zh-CN",
    );
    const [first, second] = await screen.findAllByTestId("my-qa-result");
    fireEvent.click(within(first!).getByTestId("my-qa-appeal-open"));
    fireEvent.change(within(first!).getByTestId("my-qa-appeal-reason"), { target: { value: "再申诉一次" } });
    fireEvent.click(within(first!).getByTestId("my-qa-appeal-submit"));
    expect((await within(first!).findByTestId("my-qa-appeal-error")).textContent).toBe("您已对此评分申诉过；每次评分只能申诉一次。");
    expect(within(second!).getByTestId("my-qa-versions").querySelectorAll("li")).toHaveLength(2);
    expect(within(second!).getByTestId("my-qa-appeal-decision").textContent).toContain("经核听录音，已报工号。");
    expect(within(second!).getByTestId("my-qa-total").textContent).toBe("100 / 100");
  });
});
