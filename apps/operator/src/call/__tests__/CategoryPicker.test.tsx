import { I18nProvider } from "@civicline/ui";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { operatorMessages } from "../../messages.ts";
import { CategoryPicker } from "../CategoryPicker.tsx";
import { CATEGORIES } from "./callFixtures.ts";
import { SLOW } from "./callTestKit.tsx";

function Harness({ onChange }: { onChange: (id: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <I18nProvider messages={operatorMessages} language="en">
      <CategoryPicker
        categories={CATEGORIES}
        value={value}
        onChange={(id) => {
          setValue(id);
          onChange(id);
        }}
      />
    </I18nProvider>
  );
}

const box = () => screen.getByRole("combobox", { name: /Category/ }) as HTMLInputElement;
const optionLabels = () => screen.queryAllByRole("option").map((o) => o.querySelector(".combobox__label")?.firstChild?.textContent);
const activeOption = () => {
  const id = box().getAttribute("aria-activedescendant");
  return id ? document.getElementById(id)?.querySelector(".combobox__label")?.firstChild?.textContent : undefined;
};

describe("category combobox", SLOW, () => {
  it("filters as you type and follows the ARIA combobox pattern with ↓ ↑ Enter", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = box();
    expect(input.id).toBe("call-category");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.getAttribute("aria-autocomplete")).toBe("list");

    fireEvent.change(input, { target: { value: "street" } });
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("listbox").id).toBe(input.getAttribute("aria-controls"));
    expect(optionLabels()).toEqual(["Street lights", "Street cleaning"]);
    expect(activeOption()).toBe("Street lights");

    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(activeOption()).toBe("Street cleaning");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(activeOption()).toBe("Street lights");
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(activeOption()).toBe("Street cleaning");
    expect(screen.getAllByRole("option")[1]?.getAttribute("aria-selected")).toBe("true");

    const enter = fireEvent.keyDown(input, { key: "Enter" });
    expect(enter).toBe(false); // default prevented: Enter never submits the form from the list
    expect(onChange).toHaveBeenLastCalledWith("clean");
    expect(input.value).toBe("Street cleaning");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("matches Chinese names and codes; Escape closes and keeps the previous choice", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = box();
    fireEvent.change(input, { target: { value: "EDU.BUL" } });
    expect(optionLabels()).toEqual(["School bullying"]);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(input.value).toBe("School bullying");

    fireEvent.change(input, { target: { value: "路灯" } });
    expect(optionLabels()).toEqual(["Street lights"]);
    fireEvent.keyDown(input, { key: "Escape" });
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("School bullying");
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("says when nothing matches and picks the highlighted option on Tab after typing", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = box();
    fireEvent.change(input, { target: { value: "zzz" } });
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
    expect(input.getAttribute("aria-activedescendant")).toBeNull();

    fireEvent.change(input, { target: { value: "物业" } });
    fireEvent.keyDown(input, { key: "Tab" });
    expect(onChange).toHaveBeenLastCalledWith("property");
  });

  it("does not pick anything when Tab merely passes through", () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.keyDown(box(), { key: "Tab" });
    fireEvent.blur(box());
    expect(onChange).not.toHaveBeenCalled();
  });

  it("lists recent choices first, marked as recent, and remembers new picks", () => {
    window.localStorage.setItem("civicline.operator.recentCategories", JSON.stringify(["bully"]));
    render(<Harness onChange={() => undefined} />);
    const input = box();
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(optionLabels()).toEqual(["School bullying", "Street lights", "Street cleaning", "Property management"]);
    expect(screen.getAllByRole("option")[0]?.textContent).toContain("Recent");
    expect(screen.getAllByRole("option")[1]?.textContent).not.toContain("Recent");

    fireEvent.change(input, { target: { value: "cleaning" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.change(input, { target: { value: "" } });
    expect(optionLabels().slice(0, 2)).toEqual(["Street cleaning", "School bullying"]);
    expect(JSON.parse(window.localStorage.getItem("civicline.operator.recentCategories") ?? "[]")).toEqual(["clean", "bully"]);
  });
});
