import { fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { QiSampleDetailDocument, QiScoreFormsDocument, QiScoreQaCallDocument } from "../../../gql/graphql.ts";
import { always, recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { InspectionPage } from "../InspectionPage.tsx";
import { CALL, FORM_VERSION, inspection, LOGGED_TICKET } from "./qaFixtures.ts";

const SAMPLE = { __typename: "QaSample" as const, id: "sm1", day: "2026-12-03", reason: "LONG_CALL", inspectedAt: null as string | null, inspection: null as ReturnType<typeof inspection> | null, callTaker: { __typename: "QaPerson" as const, id: "u-op", displayName: "王芳" }, call: { ...CALL, loggedTickets: [LOGGED_TICKET] } };
const FORMS = { qaScoreForms: [{ __typename: "QaScoreForm" as const, id: "f1", isDefault: true, current: FORM_VERSION }] };

describe("the inspection screen", () => {
  it("shows the call, its recording, transcript and tickets; scores it with the form version and shows the score given", async () => {
    const calls: Array<Record<string, unknown>> = [];
    renderRouting(<InspectionPage sampleId="sm1" />, [
      stateMock(QiSampleDetailDocument, () => ({ qaSample: SAMPLE }), { id: "sm1" }),
      stateMock(QiScoreFormsDocument, () => FORMS),
      recordingMock(QiScoreQaCallDocument, calls, () => ({ scoreQaCall: inspection({ state: "SCORED", appeal: null, canDecide: false }) })),
    ]);
    expect(await screen.findByTestId("qa-transcript")).toBeTruthy();
    expect((screen.getByTestId("qa-recording-audio") as HTMLAudioElement).getAttribute("src")).toBe("/qa/recordings/c1");
    expect(screen.getByTestId("qa-sample-reason").textContent).not.toBe("");
    const ticket = screen.getByTestId("qa-call-ticket");
    expect(within(ticket).getByRole("link").getAttribute("href")).toContain("tickets/ZB-20261203-00007");
    // The ticket as logged, beside the score form: category in the UI language, type and status through the enum labels.
    expect(within(ticket).getByTestId("qa-ticket-category").textContent).toBe("School bullying");
    expect(within(ticket).getByTestId("qa-ticket-type").textContent).toBe("Complaint");
    expect(within(ticket).getByTestId("qa-ticket-status").textContent).toBe("Answered directly");
    expect(within(ticket).getByTestId("qa-ticket-address").textContent).toBe("黄浦区复兴中路 100 号");
    expect(within(ticket).getByTestId("qa-ticket-description").textContent).toBe("孩子在学校被同学欺负，老师不处理。");
    expect(within(ticket).getByTestId("qa-ticket-direct-answer").textContent).toBe("已告知可向区教育局反映，并提供热线。");
    expect(within(ticket).getAllByTestId("qa-ticket-article").map((item) => item.textContent)).toEqual(["校园欺凌的投诉渠道", "(article deleted)"]);
    expect(await screen.findByTestId("qa-score-version")).toBeTruthy();
    expect(screen.getByTestId("qa-score-version").textContent).toBe("Form Call QA form, version 3");
    fireEvent.click(screen.getByTestId("qa-deduction-greeting-no_number"));
    fireEvent.change(screen.getByTestId("qa-comment-greeting"), { target: { value: "开头未报工号。" } });
    expect(screen.getByTestId("qa-live-total").textContent).toBe("90 / 100");
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(await screen.findByTestId("qa-score-saved")).toBeTruthy();
    expect(calls).toEqual([
      {
        input: {
          sampleId: "sm1",
          formVersionId: "fv-3",
          criteria: [
            { key: "greeting", score: null, deductionKeys: ["no_number"], comment: "开头未报工号。" },
            { key: "accuracy", score: null, deductionKeys: [], comment: null },
          ],
          criticalErrorKeys: [],
          comment: null,
        },
      },
    ]);
    expect(screen.getByTestId("qa-score-card-total").textContent).toBe("90 / 100");
    expect(screen.queryByTestId("qa-score-form")).toBeNull();
  });

  it("puts the server's refusal of a criterion's points on that criterion (Chinese)", async () => {
    const refused = {
      ...always,
      request: { query: QiScoreQaCallDocument, variables: () => true },
      result: { errors: [new GraphQLError("bad", { extensions: { code: "BAD_USER_INPUT", fields: [{ field: "criteria.accuracy.score", code: "OUT_OF_RANGE", message: "得分超出范围。" }] } })] },
    };
    renderRouting(<InspectionPage sampleId="sm1" />, [
      stateMock(QiSampleDetailDocument, () => ({ qaSample: { ...SAMPLE, call: { ...CALL, ticketTrackingNumbers: [], loggedTickets: [] } } }), { id: "sm1" }),
      stateMock(QiScoreFormsDocument, () => FORMS),
      refused,
    ], "zh-CN");
    fireEvent.click(await screen.findByTestId("qa-score-submit"));
    expect(await screen.findByText("得分超出范围。")).toBeTruthy();
    expect(screen.getByTestId("qa-no-ticket")).toBeTruthy();
  });

  it("shows the ticket as logged in Chinese: category, type and status labels, no direct answer, no articles", async () => {
    const logged = { ...LOGGED_TICKET, requestType: "CONSULTATION", status: "IN_PROGRESS", directAnswer: null, articles: [] };
    renderRouting(<InspectionPage sampleId="sm1" />, [
      stateMock(QiSampleDetailDocument, () => ({ qaSample: { ...SAMPLE, call: { ...CALL, loggedTickets: [logged] } } }), { id: "sm1" }),
      stateMock(QiScoreFormsDocument, () => FORMS),
    ], "zh-CN");
    const ticket = await screen.findByTestId("qa-call-ticket");
    expect(within(ticket).getByTestId("qa-ticket-category").textContent).toBe("校园欺凌");
    expect(within(ticket).getByTestId("qa-ticket-type").textContent).toBe("咨询");
    expect(within(ticket).getByTestId("qa-ticket-status").textContent).toBe("办理中");
    expect(within(ticket).queryByTestId("qa-ticket-direct-answer")).toBeNull();
    expect(within(ticket).getByTestId("qa-ticket-articles").textContent).toBe("未引用知识库文章。");
    expect(within(screen.getByTestId("qa-call-tickets")).getByRole("heading").textContent).toBe("所录工单");
  });

  it("a sample scored before shows the score given, not the form", async () => {
    renderRouting(<InspectionPage sampleId="sm1" />, [
      stateMock(QiSampleDetailDocument, () => ({ qaSample: { ...SAMPLE, inspectedAt: "2026-12-04T02:00:00.000Z", inspection: inspection({ state: "SCORED", appeal: null }) } }), { id: "sm1" }),
      stateMock(QiScoreFormsDocument, () => FORMS),
    ]);
    expect((await screen.findByTestId("qa-score-card-total")).textContent).toBe("90 / 100");
    expect(screen.queryByTestId("qa-score-form")).toBeNull();
  });

  it("a sample that does not exist says so with the way back", async () => {
    const missing = { ...always, request: { query: QiSampleDetailDocument, variables: { id: "nope" } }, result: { errors: [new GraphQLError("x", { extensions: { code: "QA/SAMPLE_NOT_FOUND" } })] } };
    renderRouting(<InspectionPage sampleId="nope" />, [missing]);
    expect((await screen.findByTestId("qa-sample-not-found")).textContent).toContain("Back to the inspection queue");
  });
});
