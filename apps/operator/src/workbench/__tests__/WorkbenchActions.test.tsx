import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AddAssistInputDocument,
  AddProgressNoteDocument,
  ReplyToTicketDocument,
  RequestExtensionDocument,
  ReturnTicketDocument,
  SignForDocument,
} from "../../gql/graphql.ts";
import { WorkbenchPage } from "../WorkbenchPage.tsx";
import { buildAssignment, detailMock, type AssignmentFixture, EDU, HOUSING, inboxMock, recordingMock, renderRouting, viewerMock } from "./routingTestKit.tsx";

type Assignment = AssignmentFixture;
type Calls = Record<string, unknown>[];

/** What the server holds: the inbox refetched after an action lists the assignment as the action left it. */
const server: { assignment: Assignment | null } = { assignment: null };

/** A mutation mock that records the call and moves the server to `next`. */
function action(document: Parameters<typeof recordingMock>[0], field: string, calls: Calls, next: () => Assignment) {
  return recordingMock(document, calls, () => {
    server.assignment = next();
    return { [field]: server.assignment };
  });
}

/** Renders the workbench with one assignment, opens it, and returns its panel. */
async function openAssignment(assignment: Assignment, mutations: ReturnType<typeof recordingMock>[], unitId = EDU.id) {
  server.assignment = assignment;
  renderRouting(<WorkbenchPage />, [viewerMock(unitId), inboxMock(() => [server.assignment]), detailMock(assignment), ...mutations]);
  const [row] = await screen.findAllByTestId("inbox-row");
  fireEvent.click(row as HTMLElement);
  const panel = await screen.findByTestId("assignment-detail");
  await within(panel).findByTestId("deadline-completion");
  return panel;
}

const signed = (id: string, overrides: Record<string, unknown> = {}) =>
  buildAssignment(id, { signedForAt: "2026-11-24T02:30:00Z", state: "SIGNED_FOR", ticket: { status: "SIGNED_FOR" }, ...overrides });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("unit workbench actions", () => {
  it("signs for a ticket in one action; then the reply is offered", async () => {
    const calls: Calls = [];
    const assignment = buildAssignment("1");
    const panel = await openAssignment(assignment, [action(SignForDocument, "signFor", calls, () => signed("1"))]);
    expect(within(panel).queryByTestId("reply-ticket")).toBeNull();

    fireEvent.click(within(panel).getByTestId("sign-for"));

    await within(panel).findByText("Signed for. The ticket is now in progress at your unit.");
    expect(calls).toEqual([{ ticketId: "1" }]);
    expect(within(panel).queryByTestId("sign-for")).toBeNull();
    expect(within(panel).getByTestId("reply-ticket")).toBeTruthy();
  });

  it("replies with the outcome, the text and the uploaded files", async () => {
    const calls: Calls = [];
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: "file-7", filename: "整改照片.jpg", size: 3 }), { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    const replied = signed("2", { state: "REPLIED", ticket: { status: "REPLIED" }, reply: { __typename: "UnitReply", outcome: "RESOLVED", text: "已约谈", at: "2026-11-25T02:00:00Z", author: "王老师", unit: EDU, attachments: [] } });
    const panel = await openAssignment(signed("2"), [action(ReplyToTicketDocument, "replyToTicket", calls, () => replied)]);

    fireEvent.click(within(panel).getByTestId("reply-ticket"));
    const form = within(panel).getByTestId("reply-form");
    fireEvent.click(within(form).getByTestId("reply-submit"));
    expect(within(form).getAllByText("This field is required.")).toHaveLength(2);
    expect(calls).toHaveLength(0);

    fireEvent.change(within(form).getByTestId("reply-outcome"), { target: { value: "RESOLVED" } });
    fireEvent.change(within(form).getByTestId("reply-text"), { target: { value: "已约谈涉事学生家长，学校已加强管理。" } });
    const file = new File(["jpg"], "整改照片.jpg", { type: "image/jpeg" });
    fireEvent.change(within(form).getByTestId("reply-files"), { target: { files: [file] } });
    await waitFor(() => expect(within(form).getByTestId("reply-file").getAttribute("data-status")).toBe("done"));
    fireEvent.click(within(form).getByTestId("reply-submit"));

    await within(panel).findByText("Reply sent. The centre will call the citizen back.");
    expect(calls).toEqual([{ ticketId: "2", input: { outcome: "RESOLVED", text: "已约谈涉事学生家长，学校已加强管理。", attachmentIds: ["file-7"] } }]);
    expect(fetchMock).toHaveBeenCalledWith("/uploads", {
      method: "POST",
      headers: { "x-filename": encodeURIComponent("整改照片.jpg"), "content-type": "image/jpeg" },
      body: file,
      credentials: "same-origin",
    });
    expect(within(panel).queryByTestId("reply-ticket")).toBeNull();
  });

  it("asks before replying while assisting units' input is still awaited", async () => {
    const calls: Calls = [];
    const waiting = signed("7", { assistingUnits: [HOUSING], assists: [{ __typename: "AssistInput", unit: HOUSING, text: null, at: null }] });
    const panel = await openAssignment(waiting, [action(ReplyToTicketDocument, "replyToTicket", calls, () => signed("7", { state: "REPLIED" }))]);

    fireEvent.click(within(panel).getByTestId("reply-ticket"));
    fireEvent.change(within(panel).getByTestId("reply-outcome"), { target: { value: "EXPLAINED" } });
    fireEvent.change(within(panel).getByTestId("reply-text"), { target: { value: "已按政策向诉求人解释说明。" } });
    fireEvent.click(within(panel).getByTestId("reply-without-assist"));
    fireEvent.click(within(panel).getByTestId("reply-submit"));

    await within(panel).findByText("Reply sent. The centre will call the citizen back.");
    expect(calls).toEqual([{ ticketId: "7", input: { outcome: "EXPLAINED", text: "已按政策向诉求人解释说明。", attachmentIds: [], withoutAssistInput: true } }]);
  });

  it("requests an extension once, in whole working days with a reason", async () => {
    const calls: Calls = [];
    const requested = signed("3", {
      extension: { __typename: "ExtensionRequest", id: "x1", reason: "需现场核查", workingDays: 3, requestedBy: "王老师", status: "PENDING", requestedAt: "2026-11-25T02:00:00Z", decidedAt: null, decidedBy: null, decisionNote: null },
    });
    const panel = await openAssignment(signed("3"), [action(RequestExtensionDocument, "requestExtension", calls, () => requested)]);

    fireEvent.click(within(panel).getByTestId("request-extension"));
    fireEvent.change(within(panel).getByTestId("extension-days"), { target: { value: "0" } });
    fireEvent.change(within(panel).getByTestId("extension-reason"), { target: { value: "需现场核查" } });
    fireEvent.click(within(panel).getByTestId("extension-submit"));
    expect(within(panel).getByText("Enter a whole number of working days from 1 to 30.")).toBeTruthy();

    fireEvent.change(within(panel).getByTestId("extension-days"), { target: { value: "3" } });
    fireEvent.click(within(panel).getByTestId("extension-submit"));

    await within(panel).findByTestId("extension-state");
    expect(calls).toEqual([{ ticketId: "3", workingDays: 3, reason: "需现场核查" }]);
    expect(within(panel).getByTestId("extension-state").textContent).toContain("Extension of 3 working days requested");
    expect(within(panel).queryByTestId("request-extension")).toBeNull();
  });

  it("returns a ticket only after a confirmation that names the reason", async () => {
    const calls: Calls = [];
    const returned = buildAssignment("4", {
      state: "RETURN_REQUESTED",
      returns: [{ __typename: "ReturnRequest", id: "r1", reason: "NOT_OUR_JURISDICTION", text: "属住建局职责", status: "PENDING", at: "2026-11-24T03:00:00Z", decidedBy: null, decisionNote: null, unit: EDU }],
    });
    const panel = await openAssignment(buildAssignment("4"), [action(ReturnTicketDocument, "returnTicket", calls, () => returned)]);

    fireEvent.click(within(panel).getByTestId("return-ticket"));
    fireEvent.change(within(panel).getByTestId("return-reason"), { target: { value: "NOT_OUR_JURISDICTION" } });
    fireEvent.change(within(panel).getByTestId("return-text"), { target: { value: "属住建局职责" } });
    fireEvent.click(within(panel).getByTestId("return-submit"));

    const confirm = within(panel).getByTestId("return-confirm-box");
    expect(confirm.textContent).toContain("Return ZB-20261124-00004 to the dispatcher?");
    expect(confirm.textContent).toContain("Not our unit's responsibility");
    expect(calls).toHaveLength(0);
    fireEvent.click(within(panel).getByTestId("return-confirm"));

    await within(panel).findByText("Ticket returned to the dispatcher.");
    expect(calls).toEqual([{ ticketId: "4", reason: "NOT_OUR_JURISDICTION", text: "属住建局职责" }]);
    expect(within(panel).queryByTestId("return-ticket")).toBeNull();
    expect(within(panel).getByText(/waiting for the decision/)).toBeTruthy();
  });

  it("offers no return for a ticket a joint supervision decision gave to the unit", async () => {
    const panel = await openAssignment(signed("9", { finalDecision: "三方联动督办 ZB-20261118-00001" }), []);
    expect(within(panel).getByTestId("reply-ticket")).toBeTruthy();
    expect(within(panel).queryByTestId("return-ticket")).toBeNull();
  });

  it("lets an assisting unit add its input and a public note, but not sign for or reply", async () => {
    const assistCalls: Calls = [];
    const noteCalls: Calls = [];
    const assignment = buildAssignment("5", { leadUnit: HOUSING, assistingUnits: [EDU], assists: [{ __typename: "AssistInput", unit: EDU, text: null, at: null }] });
    const withInput = { ...assignment, assists: [{ __typename: "AssistInput", unit: EDU, text: "学校已配合调查", at: "2026-11-24T05:00:00Z" }] };
    const panel = await openAssignment(assignment, [
      action(AddAssistInputDocument, "addAssistInput", assistCalls, () => withInput),
      action(AddProgressNoteDocument, "addProgressNote", noteCalls, () => withInput),
    ]);
    expect(within(panel).queryByTestId("sign-for")).toBeNull();
    expect(within(panel).queryByTestId("reply-ticket")).toBeNull();
    expect(within(panel).queryByTestId("return-ticket")).toBeNull();

    fireEvent.click(within(panel).getByTestId("assist-input"));
    fireEvent.change(within(panel).getByTestId("assist-text"), { target: { value: "学校已配合调查" } });
    fireEvent.click(within(panel).getByTestId("assist-submit"));
    await within(panel).findByText("Your input was sent to the lead unit.");
    expect(assistCalls).toEqual([{ ticketId: "5", text: "学校已配合调查" }]);
    expect(within(panel).getByTestId("progress-timeline").textContent).toContain("学校已配合调查");

    fireEvent.click(within(panel).getByTestId("add-note"));
    fireEvent.change(within(panel).getByTestId("note-text"), { target: { value: "已电话联系家长" } });
    fireEvent.click(within(panel).getByLabelText("Public (the citizen can read it)"));
    fireEvent.click(within(panel).getByTestId("note-submit"));
    await within(panel).findByText("Note added.");
    expect(noteCalls).toEqual([{ ticketId: "5", text: "已电话联系家长", visibility: "PUBLIC" }]);
  });

  it("shows the server's reason when an action is refused", async () => {
    const panel = await openAssignment(buildAssignment("6"), [
      {
        request: { query: SignForDocument, variables: { ticketId: "6" } },
        result: { errors: [{ message: "already signed", extensions: { code: "ROUTING/ALREADY_SIGNED" } }] },
      },
    ]);
    fireEvent.click(within(panel).getByTestId("sign-for"));
    expect(await within(panel).findByText("This ticket has already been signed for.")).toBeTruthy();
  });
});
