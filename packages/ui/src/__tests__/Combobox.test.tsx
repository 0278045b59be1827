import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { Combobox, type ComboboxItem } from "../components/Combobox.tsx";
import { Field } from "../components/Field.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

const AREAS: ComboboxItem[] = [
  { id: "d1", label: "张店区", detail: "Zhangdian" },
  { id: "d2", label: "临淄区", detail: "Linzi" },
  { id: "d3", label: "淄川区", detail: "Zichuan" },
];
const search = (query: string) => AREAS.filter((a) => `${a.label} ${a.detail}`.toLowerCase().includes(query.toLowerCase()));

function Harness({ onChange, initial = "" }: { onChange: (id: string) => void; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider language="en">
      <Field id="district" label="District" error={value === "" ? "Required" : undefined}>
        <Combobox
          value={value}
          selectedLabel={AREAS.find((a) => a.id === value)?.label ?? ""}
          search={search}
          onChange={(id) => {
            setValue(id);
            onChange(id);
          }}
          listLabel="Districts"
          noResults="No match"
          resultsLabel={(n) => `${n} options`}
        />
      </Field>
    </I18nProvider>
  );
}

describe("Combobox", { timeout: 20_000 }, () => {
  it("is wired to its Field: label, id, error, and announces the number of options", () => {
    render(<Harness onChange={() => undefined} />);
    const input = screen.getByRole("combobox", { name: "District" });
    expect(input.id).toBe("district");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("Required");
    fireEvent.change(input, { target: { value: "zi" } });
    expect(screen.getByRole("status").textContent).toBe("2 options");
  });

  it("opens with ↓ on the current choice, wraps around, picks with a click without losing focus", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} initial="d2" />);
    const input = screen.getByRole("combobox") as HTMLInputElement;
    input.focus();
    fireEvent.keyDown(input, { key: "ArrowDown" });
    const active = () => document.getElementById(input.getAttribute("aria-activedescendant") ?? "")?.textContent;
    expect(active()).toContain("临淄区");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(active()).toContain("张店区");
    const option = screen.getAllByRole("option")[2] as HTMLElement;
    expect(fireEvent.mouseDown(option)).toBe(false);
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith("d3");
    expect(input.value).toBe("淄川区");
  });

  it("clears the choice when the text is emptied and the box is left", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} initial="d1" />);
    const input = screen.getByRole("combobox") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "" } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith("");
  });

  it("keeps text that matches nothing when the box is left, says so, and drops the old choice (issue 16 bug 13)", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} initial="d1" />);
    const input = screen.getByRole("combobox") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "博山" } });
    fireEvent.blur(input);
    expect(input.value).toBe("博山");
    expect(screen.getAllByText("No match").some((node) => !node.closest("[hidden]"))).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith("");
    fireEvent.change(input, { target: { value: "临" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChange).toHaveBeenLastCalledWith("d2");
    expect(screen.queryAllByText("No match").every((node) => node.closest("[hidden]"))).toBe(true);
  });

  it("lets Escape through when there is nothing to close", () => {
    render(<Harness onChange={() => undefined} />);
    const input = screen.getByRole("combobox");
    expect(fireEvent.keyDown(input, { key: "Escape" })).toBe(true);
    fireEvent.change(input, { target: { value: "z" } });
    expect(fireEvent.keyDown(input, { key: "Escape" })).toBe(false);
  });
});
