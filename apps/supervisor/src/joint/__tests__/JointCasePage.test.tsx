import { fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { DecideJointCaseDocument, JointCaseDocument, JointUnitsDocument, RecordJointOpinionDocument } from "../../gql/graphql.ts";
import { always, recordingMock, renderRouting, stateMock } from "../../routing/__tests__/routingKit.tsx";
import { JointCasePage } from "../JointCasePage.tsx";

const unit = (id: string, code: string, nameZh: string, nameEn: string, kind = "OTHER") => ({ __typename: "Unit" as const, id, code, nameZh, nameEn, kind });
const DISCIPLINE = unit("u-dis", "ORG-DISCIPLINE", "市纪委监委", "Discipline commission");
const STAFFING = unit("u-sta", "ORG-STAFFING", "市委编办", "Staffing office");
const CENTRE = unit("u-cen", "CENTRE-12345", "12345热线中心", "Hotline centre", "CITY_CENTRE");
const URBAN = unit("u-urb", "BUR-URBAN", "淄博市城市管理局", "Urban Management Bureau", "BUREAU");

type Party = { party: string; unit: typeof DISCIPLINE; opinion: string | null; proposedUnit: typeof URBAN | null; recordedAt: string | null; recordedByName: string | null };
const party = (name: string, u: typeof DISCIPLINE, opinion: string | null, proposedUnit: typeof URBAN | null = null): Party => ({
  party: name,
  unit: u,
  opinion,
  proposedUnit,
  recordedAt: opinion ? "2026-12-06T02:00:00Z" : null,
  recordedByName: opinion ? "某人" : null,
});

function buildCase(viewerParty: string | null, parties: Party[]) {
  return {
    __typename: "JointCase" as const,
    id: "case-1",
    state: "OPEN",
    trigger: "RETURNED_REPEATEDLY",
    reason: "两次退单，相互推诿。",
    openedAt: "2026-12-06T01:00:00Z",
    openedByName: "张静",
    deadlineDays: 3,
    deadlineAt: "2026-12-09T09:30:00Z",
    overdueAt: null,
    decisionText: null as string | null,
    decidedAt: null as string | null,
    decidedByName: null as string | null,
    viewerParty,
    decidedUnit: null as typeof URBAN | null,
    ticket: {
      __typename: "JointCaseTicket" as const,
      id: "t-1",
      trackingNumber: "ZB-20261118-00001",
      title: null,
      description: "防撞挡车桩反光条脱落。",
      address: "人民西路",
      status: "AWAITING_DISPATCH",
      receivedAt: "2026-11-18T05:00:00Z",
      category: { __typename: "JointNamedRef" as const, id: "c-1", nameZh: "道路及附属设施", nameEn: "Road facilities" },
    },
    parties: parties.map((p) => ({ __typename: "JointCaseParty" as const, ...p })),
    timeline: [{ __typename: "JointCaseEvent" as const, id: "1", at: "2026-12-06T01:00:00Z", kind: "OPENED", party: null, actorName: "张静", text: "两次退单，相互推诿。" }],
    returns: [{ __typename: "JointCaseReturn" as const, unitName: "淄博市城市管理局", reason: "NOT_OUR_JURISDICTION", text: "不归我们。", requestedAt: "2026-11-18T10:00:00Z", status: "ACCEPTED" }],
    ruleProposal: null,
  };
}

function setup(initial: ReturnType<typeof buildCase>, options: { decideError?: GraphQLError } = {}) {
  const server = { jointCase: initial };
  const opinions: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const record = recordingMock(RecordJointOpinionDocument, opinions, (variables) => {
    const input = variables.input as { opinion: string };
    server.jointCase = {
      ...server.jointCase,
      parties: server.jointCase.parties.map((p) => (p.party === server.jointCase.viewerParty ? { ...p, opinion: input.opinion, recordedAt: "2026-12-06T03:00:00Z", recordedByName: "我" } : p)),
    };
    return { recordJointOpinion: server.jointCase };
  });
  const decide = options.decideError
    ? { ...always, request: { query: DecideJointCaseDocument, variables: () => true }, result: { errors: [options.decideError] } }
    : recordingMock(DecideJointCaseDocument, decisions, () => {
        server.jointCase = { ...server.jointCase, state: "DECIDED", decidedUnit: URBAN, decisionText: "由城管局承办。", decidedAt: "2026-12-06T04:00:00Z", decidedByName: "陈主任" };
        return { decideJointCase: server.jointCase };
      });
  renderRouting(<JointCasePage id="case-1" />, [
    stateMock(JointCaseDocument, () => ({ jointCase: server.jointCase }), { id: "case-1" }),
    stateMock(JointUnitsDocument, () => ({ units: [URBAN, CENTRE] })),
    record,
    decide,
  ]);
  return { opinions, decisions };
}

describe("joint case page", () => {
  it("lets a party that has not given its opinion record it, naming a unit; the form then goes away", async () => {
    const { opinions } = setup(buildCase("STAFFING_OFFICE", [party("DISCIPLINE_COMMISSION", DISCIPLINE, "应问责。"), party("STAFFING_OFFICE", STAFFING, null), party("COMPLAINT_CENTRE", CENTRE, null)]));
    const form = await screen.findByTestId("joint-opinion-form");
    expect(screen.queryByTestId("joint-decision-form")).toBeNull();
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "城市道路附属设施由城管局负责。" } });
    fireEvent.change(within(form).getByRole("combobox"), { target: { value: URBAN.id } });
    fireEvent.click(within(form).getByRole("button", { name: "Record opinion" }));
    await screen.findByText("Your opinion is recorded.");
    expect(opinions).toEqual([{ input: { caseId: "case-1", opinion: "城市道路附属设施由城管局负责。", proposedUnitId: URBAN.id } }]);
    expect(screen.queryByTestId("joint-opinion-form")).toBeNull();
    expect(screen.getByTestId("joint-party-STAFFING_OFFICE").textContent).toContain("城市道路附属设施由城管局负责。");
  });

  it("shows the complaint centre the decision form only after the three opinions, with the staffing office's unit chosen, and sends the rule proposal", async () => {
    const { decisions } = setup(
      buildCase("COMPLAINT_CENTRE", [party("DISCIPLINE_COMMISSION", DISCIPLINE, "应问责。"), party("STAFFING_OFFICE", STAFFING, "归城管。", URBAN), party("COMPLAINT_CENTRE", CENTRE, "同意。")]),
    );
    const form = await screen.findByTestId("joint-decision-form");
    await within(form).findByRole("option", { name: URBAN.nameEn });
    expect((within(form).getByRole("combobox") as HTMLSelectElement).value).toBe(URBAN.id);
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "由城管局承办。" } });
    fireEvent.click(within(form).getByRole("checkbox"));
    fireEvent.change(within(form).getByLabelText(/Keywords of the rule/), { target: { value: "防撞柱，反光条" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record decision and dispatch" }));
    await screen.findByTestId("joint-decision");
    expect(decisions).toEqual([{ input: { caseId: "case-1", unitId: URBAN.id, decision: "由城管局承办。", ruleProposal: { keywords: ["防撞柱", "反光条"] } } }]);
  });

  it("makes the complaint centre wait while an opinion is missing", async () => {
    setup(buildCase("COMPLAINT_CENTRE", [party("DISCIPLINE_COMMISSION", DISCIPLINE, null), party("STAFFING_OFFICE", STAFFING, "归城管。", URBAN), party("COMPLAINT_CENTRE", CENTRE, "同意。")]));
    await screen.findByTestId("joint-decide-waiting");
    expect(screen.queryByTestId("joint-decision-form")).toBeNull();
    expect(screen.queryByTestId("joint-opinion-form")).toBeNull();
  });

  it("words a refused decision from its code", async () => {
    setup(buildCase("COMPLAINT_CENTRE", [party("DISCIPLINE_COMMISSION", DISCIPLINE, "应问责。"), party("STAFFING_OFFICE", STAFFING, "归城管。", URBAN), party("COMPLAINT_CENTRE", CENTRE, "同意。")]), {
      decideError: new GraphQLError("inactive", { extensions: { code: "JOINT/UNIT_INACTIVE" } }),
    });
    const form = await screen.findByTestId("joint-decision-form");
    await within(form).findByRole("option", { name: URBAN.nameEn });
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "由城管局承办。" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record decision and dispatch" }));
    expect(await within(form).findByText("Choose an active unit of the directory.")).toBeTruthy();
  });
});
