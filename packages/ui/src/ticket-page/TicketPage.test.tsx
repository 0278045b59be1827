import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { TicketDossierView } from "./TicketPage.tsx";
import type { TicketDossierData } from "./types.ts";

const unit = { id: "u1", nameZh: "淄博市教育局", nameEn: "Education Bureau" };
const entry = (id: string, at: string, kind: string, rest: Partial<TicketDossierData["timeline"][number]> = {}) => ({
  id,
  at,
  kind,
  historyKind: null,
  fromStatus: null,
  toStatus: null,
  actorName: null,
  actorKind: null,
  noteCode: null,
  noteParams: [],
  unitNameZh: null,
  unitNameEn: null,
  text: null,
  detailEnum: null,
  detailValue: null,
  isPublic: false,
  ...rest,
});

const dossier: TicketDossierData = {
  ticket: {
    id: "t1",
    trackingNumber: "ZB-20261206-00007",
    status: "DISPATCHED",
    channel: "PORTAL",
    requestType: "COMPLAINT",
    urgency: "URGENT",
    title: null,
    description: "孩子在学校被欺负。",
    address: "张店区人民西路",
    latitude: null,
    longitude: null,
    citizenName: "刘女士",
    citizenPhone: "138****3333",
    citizenEmail: null,
    citizenIdNumber: null,
    privacy: "NONE",
    receivedAt: "2026-12-06T01:00:00.000Z",
    directAnswer: null,
    category: { id: "c2", code: "EDU.BULLYING", nameZh: "校园欺凌", nameEn: "Bullying", fields: [] },
    district: { id: "d1", nameZh: "张店区", nameEn: null },
    township: null,
    extraFields: [],
    attachments: [],
    links: [{ kind: "RE_REPORT_OF", ticket: { id: "t0", trackingNumber: "ZB-20261201-00003", status: "CLOSED" } }],
    coReporters: [],
    emergencyHandoffs: [],
  },
  categoryPath: [
    { id: "c1", nameZh: "教育", nameEn: "Education" },
    { id: "c2", nameZh: "校园欺凌", nameEn: "Bullying" },
  ],
  assignments: [
    {
      id: "a1",
      state: "DISPATCHED",
      leadUnit: unit,
      assistingUnits: [],
      dispatchedAt: "2026-12-06T02:00:00.000Z",
      dispatchedBy: "李强",
      dispatchNote: null,
      signedForAt: null,
      deadlines: { dispatchDueAt: null, signForDueAt: "2026-12-06T03:00:00.000Z", completionDueAt: "2026-12-01T03:00:00.000Z", nearDueAt: null, state: "OVERDUE", workingMinutesLeft: -120 },
      reply: null,
      extension: null,
      returns: [],
      assists: [],
    },
  ],
  timeline: [
    entry("history:1", "2026-12-06T01:00:00.000Z", "HISTORY", { historyKind: "STATUS", toStatus: "RECEIVED", actorKind: "CITIZEN" }),
    entry("history:2", "2026-12-06T02:00:00.000Z", "HISTORY", { historyKind: "STATUS", fromStatus: "RECEIVED", toStatus: "DISPATCHED", actorName: "李强", actorKind: "STAFF", text: "淄博市教育局" }),
    entry("note:1", "2026-12-06T02:30:00.000Z", "PROGRESS_NOTE", { actorName: "周老师", unitNameZh: "淄博市教育局", unitNameEn: "Education Bureau", text: "已约谈家长", detailEnum: "NoteVisibility", detailValue: "INTERNAL" }),
    entry("survey:1", "2026-12-06T04:00:00.000Z", "SURVEY_ANSWERED", { text: "还是有人欺负", detailEnum: "Satisfaction", detailValue: "DISSATISFIED" }),
  ],
  reReports: {
    tickets: [
      { id: "t0", trackingNumber: "ZB-20261201-00003", status: "CLOSED", receivedAt: "2026-12-01T01:00:00.000Z", position: -1 },
      { id: "t1", trackingNumber: "ZB-20261206-00007", status: "DISPATCHED", receivedAt: "2026-12-06T01:00:00.000Z", position: 0 },
    ],
    rounds: [],
  },
};

function renderIn(language: "en" | "zh-CN", data: TicketDossierData = dossier) {
  return render(
    <I18nProvider language={language}>
      <TicketDossierView dossier={data} roles={["SUPERVISOR"]} onChanged={() => undefined} />
    </I18nProvider>,
  );
}

describe("ticket page", () => {
  it("renders the timeline from translated labels in English, never raw codes, with the overdue deadline flagged", () => {
    renderIn("en");
    const timeline = within(screen.getByTestId("ticket-timeline"));
    const items = timeline.getAllByTestId("timeline-entry");
    expect(items.map((item) => item.querySelector("strong")?.textContent)).toEqual(["Received", "Sent to department", "Progress note", "Satisfaction survey answered"]);
    expect(items[2]!.textContent).toContain("已约谈家长");
    expect(items[2]!.textContent).toContain("Education Bureau");
    expect(items[3]!.textContent).toContain("Dissatisfied");
    expect(screen.getByTestId("ticket-timeline").textContent).not.toMatch(/SURVEY_ANSWERED|PROGRESS_NOTE|DISSATISFIED/);
    expect(screen.getByTestId("deadline-completion").getAttribute("data-state")).toBe("OVERDUE");
    expect(screen.getByTestId("ticket-request").textContent).toContain("Education › Bullying");
    // The chain: the original links to its page; this ticket is marked.
    const chain = within(screen.getByTestId("ticket-re-reports"));
    expect(chain.getByRole("link", { name: "ZB-20261201-00003" }).getAttribute("href")).toContain("tickets/ZB-20261201-00003");
    expect(chain.getByText(/this ticket/)).toBeTruthy();
  });

  it("speaks Chinese, and says what is missing when there is no timeline or assignment", () => {
    renderIn("zh-CN", { ...dossier, assignments: [], timeline: [], reReports: { tickets: [dossier.reReports.tickets[1]!], rounds: [] } });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("工单 ZB-20261206-00007");
    expect(screen.getByText("该工单尚无办理记录。")).toBeTruthy();
    expect(screen.getAllByText("尚未派单").length).toBeGreaterThan(0);
    expect(screen.getByTestId("ticket-re-reports").textContent).toContain("无续报");
  });

  it("says a replied assignment ended within or past its limit instead of counting down", () => {
    const replied = { ...dossier.assignments[0]!, state: "REPLIED", deadlines: { ...dossier.assignments[0]!.deadlines, state: "ON_TIME" } };
    renderIn("zh-CN", { ...dossier, assignments: [replied] });
    expect(screen.getByTestId("deadline-completion").textContent).toBe("已答复，未超期");
  });
});
