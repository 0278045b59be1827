import type { MockLink } from "@apollo/client/testing";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { expect } from "vitest";
import { renderOperator } from "../../__tests__/fixtures.tsx";
import {
  CallAreasDocument,
  CallCategoriesDocument,
  CallerHistoryDocument,
  DuplicateCandidatesDocument,
  KbSearchArticlesDocument,
  LogCallDocument,
  type LoggedTicketFragment,
} from "../../gql/graphql.ts";
import { CallForm } from "../CallForm.tsx";
import type { CallStart } from "../callForm.ts";
import { CATEGORIES } from "./callFixtures.ts";

// These tests render the whole call screen; on a loaded machine (CI runs suites in parallel) they
// need more than the defaults of 1 s per wait and 5 s per test.
configure({ asyncUtilTimeout: 5000 });
/** Options for describe() blocks that render the call screen. */
export const SLOW = { timeout: 30_000 };

export const always = { maxUsageCount: Number.POSITIVE_INFINITY };
const area = (id: string, nameZh: string, nameEn: string | null, parentId: string | null) => ({
  __typename: "Area" as const,
  id,
  code: id,
  nameZh,
  nameEn,
  parentId,
});

export function loggedTicket(overrides: Partial<LoggedTicketFragment> = {}): LoggedTicketFragment & { __typename: "Ticket" } {
  return {
    __typename: "Ticket",
    id: "t-new",
    trackingNumber: "ZB-20261124-00042",
    status: "RECEIVED",
    urgency: "NORMAL",
    version: 1,
    emergencyHandoffs: [],
    ...overrides,
  };
}

/** The queries every call form makes, answered as often as asked. */
export function baseMocks(): MockLink.MockedResponse[] {
  return [
    { ...always, request: { query: CallCategoriesDocument }, result: { data: { categories: CATEGORIES } } },
    {
      ...always,
      request: { query: CallAreasDocument, variables: { parentId: null } },
      result: { data: { areas: [area("d1", "张店区", "Zhangdian District", null), area("d2", "临淄区", "Linzi District", null)] } },
    },
    {
      ...always,
      request: { query: CallAreasDocument, variables: { parentId: "d1" } },
      result: { data: { areas: [area("t1", "马尚街道", null, "d1"), area("t2", "科苑街道", "Keyuan Street", "d1")] } },
    },
    {
      ...always,
      request: { query: KbSearchArticlesDocument, variables: () => true },
      result: { data: { searchArticles: { __typename: "ArticleSearchResult", total: 0, hits: [] } } },
    },
    {
      ...always,
      request: { query: CallerHistoryDocument, variables: () => true },
      result: ({ phone }) => ({ data: { callerHistory: { __typename: "CallerHistory", phone, openCount: 0, tickets: [] } } }),
    },
  ];
}

/** `duplicateCandidates` answering `candidates` for any input. */
export function duplicatesMock(candidates: unknown[] = []): MockLink.MockedResponse {
  return { ...always, request: { query: DuplicateCandidatesDocument, variables: () => true }, result: { data: { duplicateCandidates: candidates } } };
}

/** `logCall` recording each input it receives into `calls`. */
export function logCallMock(calls: unknown[], ticket = loggedTicket()): MockLink.MockedResponse {
  return {
    request: { query: LogCallDocument, variables: () => true },
    result: (variables) => {
      calls.push(variables.input);
      return { data: { logCall: ticket } };
    },
  };
}

export const NEW_CALL: CallStart = { key: "k1", phone: "", callId: null, history: null };

export function renderCallForm(mocks: MockLink.MockedResponse[], start: CallStart = NEW_CALL, language: "en" | "zh-CN" = "en") {
  return renderOperator(<CallForm start={start} active onNewCall={() => undefined} onDirty={() => undefined} />, [...mocks, ...baseMocks(), duplicatesMock()], language);
}

export const control = (id: string) => document.getElementById(id) as HTMLInputElement;

/** Types into a combobox and picks the first match with Enter. */
export function pick(id: string, text: string): void {
  fireEvent.change(control(id), { target: { value: text } });
  fireEvent.keyDown(control(id), { key: "Enter" });
}

export function type(id: string, value: string): void {
  fireEvent.change(control(id), { target: { value } });
}

/** Presses a key on whatever has focus (shortcuts listen on the document). */
export function press(key: string, modifiers: { altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean; code?: string } = {}): void {
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key, ...modifiers });
  });
}

/** Types into a combobox, waits for its options (data may still be loading), picks the first with Enter. */
export async function pickWhenLoaded(id: string, text: string): Promise<void> {
  fireEvent.change(control(id), { target: { value: text } });
  const listbox = document.getElementById(control(id).getAttribute("aria-controls") ?? "") as HTMLElement;
  await within(listbox).findAllByRole("option");
  fireEvent.keyDown(control(id), { key: "Enter" });
}

/** Completes every required field of a street-light complaint. */
export async function fillStreetLight(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("category-combobox")).toBeTruthy());
  type("call-requestType", "COMPLAINT");
  await pickWhenLoaded("call-category", "路灯");
  expect(control("call-category").getAttribute("data-value")).toBe("light");
  await pickWhenLoaded("call-districtId", "张店");
  expect(control("call-districtId").getAttribute("data-value")).toBe("d1");
  type("call-address", "华光路 3 号");
  type("call-description", "路灯不亮已经一周。");
  type("call-citizenName", "王先生");
  type("call-phone", "13812345678");
}
