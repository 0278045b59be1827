import { ApolloClient, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink } from "@apollo/client/testing";
import { I18nProvider, type Language } from "@civicline/ui";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { AppealQaScoreDocument, FlagCallForReviewDocument, MyQaCallsDocument, MyQaResultsDocument } from "../../gql/graphql.ts";
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

type Call = { __typename: "QaCall"; id: string; startedAt: string; talkSeconds: number; direction: string; ticketTrackingNumbers: string[]; sampled: boolean; flagged: boolean; flagReason: string | null };
const CALL: Call = { __typename: "QaCall", id: "c7", startedAt: "2026-12-05T02:10:00.000Z", talkSeconds: 125, direction: "INBOUND", ticketTrackingNumbers: ["ZB-20261205-00012"], sampled: false, flagged: false, flagReason: null };

/** `qaCalls` answered with the current value of `calls()`. */
function callsMock(calls: () => Call[]): MockLink.MockedResponse {
  return { ...always, request: { query: MyQaCallsDocument, variables: { limit: 30 } }, result: () => ({ data: { qaCalls: { __typename: "QaCallPage", total: calls().length, items: calls() } } }) } as MockLink.MockedResponse;
}

function renderPage(mocks: MockLink.MockedResponse[], language: Language = "en", calls: () => Call[] = () => []) {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new MockLink([...mocks, callsMock(calls)], { defaultOptions: { delay: 0 } }) });
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

  it("asks for a review of one of the call-taker's calls with a reason, once", async () => {
    let call = CALL;
    const flags: Array<Record<string, unknown>> = [];
    renderPage(
      [
        { ...always, request: { query: MyQaResultsDocument, variables: { first: 50 } }, result: { data: { myQaResults: [] } } } as MockLink.MockedResponse,
        {
          ...always,
          request: { query: FlagCallForReviewDocument, variables: () => true },
          result: (variables: Record<string, unknown>) => {
            flags.push(variables);
            call = { ...CALL, flagged: true, flagReason: String(variables.reason) };
            return { data: { flagCallForReview: call } };
          },
        } as MockLink.MockedResponse,
      ],
      "zh-CN",
      () => [call],
    );
    expect(await screen.findByTestId("my-qa-empty")).toBeTruthy();
    const row = await screen.findByTestId("my-qa-call");
    expect(row.textContent).toContain("ZB-20261205-00012");
    fireEvent.click(within(row).getByTestId("my-qa-call-flag"));
    fireEvent.change(within(row).getByTestId("my-qa-flag-reason"), { target: { value: "x" } });
    fireEvent.click(within(row).getByTestId("my-qa-flag-submit"));
    expect(within(row).getByText("请填写理由（至少 2 个字）。")).toBeTruthy();
    fireEvent.change(within(row).getByTestId("my-qa-flag-reason"), { target: { value: "来电人情绪激动，答复是否妥当？" } });
    fireEvent.click(within(row).getByTestId("my-qa-flag-submit"));
    expect((await within(row).findByTestId("my-qa-call-flagged")).textContent).toBe("已申请质检：来电人情绪激动，答复是否妥当？");
    expect(flags).toEqual([{ id: "c7", reason: "来电人情绪激动，答复是否妥当？" }]);
    expect(within(row).queryByTestId("my-qa-call-flag")).toBeNull();
  });
});
