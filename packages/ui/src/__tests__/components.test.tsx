import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Field, Select, TextInput } from "../components/Field.tsx";
import { Timeline } from "../components/Feedback.tsx";
import { TextArea } from "../components/TextArea.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

describe("Field", () => {
  it("labels the control and links hint and error to it", () => {
    render(
      <I18nProvider language="en">
        <Field label="Phone" hint="11 digits" error="Not a mobile number">
          <TextInput value="123" onChange={() => undefined} />
        </Field>
      </I18nProvider>,
    );
    const input = screen.getByLabelText("Phone");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (input.getAttribute("aria-describedby") ?? "").split(" ");
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(["11 digits", "Not a mobile number"]);
  });

  it("marks optional fields in the label and groups select options", () => {
    render(
      <I18nProvider language="zh-CN">
        <Field label="镇街" optional>
          <Select groups={[{ label: "张店区", options: [{ value: "t1", label: "马尚街道" }] }]} />
        </Field>
      </I18nProvider>,
    );
    const select = screen.getByLabelText(/镇街/);
    expect(screen.getByText("（选填）", { exact: false })).toBeTruthy();
    expect(select.getAttribute("aria-invalid")).toBeNull();
    expect(select.querySelector("optgroup")?.getAttribute("label")).toBe("张店区");
    expect(select.querySelector("option")?.textContent).toBe("请选择");
  });
});

function Counted({ max }: { max: number }) {
  const [value, setValue] = useState("");
  return (
    <I18nProvider language="en">
      <Field label="Description">
        <TextArea value={value} maxChars={max} onChange={(event) => setValue(event.target.value)} />
      </Field>
    </I18nProvider>
  );
}

describe("TextArea", () => {
  it("counts characters (CJK and emoji as one) and flags text over the limit", () => {
    render(<Counted max={5} />);
    const textarea = screen.getByLabelText("Description");
    fireEvent.change(textarea, { target: { value: "路灯坏了👍" } });
    expect(screen.getByTestId("char-counter").textContent).toBe("5 / 5 characters");
    fireEvent.change(textarea, { target: { value: "路灯坏了很久了" } });
    expect(screen.getByTestId("char-counter").textContent).toBe("2 characters over the limit of 5");
    expect(textarea.getAttribute("aria-describedby")).toBe(screen.getByTestId("char-counter").id);
  });
});

describe("Timeline", () => {
  it("lists steps oldest first with localized status and machine-readable time", () => {
    render(
      <I18nProvider language="zh-CN">
        <Timeline
          items={[
            { id: "b", at: "2025-03-02T02:00:00Z", status: "DISPATCHED" },
            { id: "a", at: "2025-03-01T01:00:00Z", status: "RECEIVED" },
          ]}
        />
      </I18nProvider>,
    );
    const items = screen.getByTestId("timeline").querySelectorAll("li");
    expect(Array.from(items, (li) => li.querySelector(".timeline__status")?.textContent)).toEqual(["已受理", "已派单"]);
    expect(items[0]?.querySelector("time")?.getAttribute("dateTime")).toBe("2025-03-01T01:00:00Z");
  });
});
