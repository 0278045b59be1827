import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOTE_MAX_CHARS, NoteForm } from "../actions/NoteForm.tsx";
import { renderRouting } from "./routingTestKit.tsx";

/** Issue 16 bug 7: a field's error clears once it is fixed; a too-long note says only that it is too long. */
describe("action form field errors", () => {
  it("clears 必填 as soon as the note is typed, and a too-long note shows only 已超出", () => {
    renderRouting(<NoteForm ticketId="1" onDone={vi.fn()} onCancel={vi.fn()} />, [], "zh-CN");
    const form = screen.getByTestId("note-form");
    fireEvent.click(screen.getByTestId("note-submit"));
    expect(form.textContent).toContain("必填");

    fireEvent.change(screen.getByTestId("note-text"), { target: { value: "已联系" } });
    expect(form.textContent).not.toContain("必填");

    fireEvent.change(screen.getByTestId("note-text"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("note-submit"));
    fireEvent.change(screen.getByTestId("note-text"), { target: { value: "长".repeat(NOTE_MAX_CHARS + 5) } });
    fireEvent.click(screen.getByTestId("note-submit"));
    expect(form.textContent).toContain("已超出 5 字");
    expect(form.textContent).not.toContain("必填");
  });
});
