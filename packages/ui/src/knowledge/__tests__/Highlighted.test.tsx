import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Highlighted, plainText } from "../Highlighted.tsx";
import { renderIn } from "./render.tsx";

const segments = [
  { text: "夜间施工", match: false },
  { text: "噪音", match: true },
  { text: "扰民怎么办？Construction ", match: false },
  { text: "noise", match: true },
];

describe("Highlighted", { timeout: 20_000 }, () => {
  it("puts exactly the matched runs in <mark> and keeps the text whole", () => {
    renderIn(<Highlighted segments={segments} className="title" />);
    const marks = Array.from(document.querySelectorAll("mark"), (mark) => mark.textContent);
    expect(marks).toEqual(["噪音", "noise"]);
    expect(document.querySelector(".title")?.textContent).toBe("夜间施工噪音扰民怎么办？Construction noise");
    expect(plainText(segments)).toBe("夜间施工噪音扰民怎么办？Construction noise");
  });

  it("renders text that looks like HTML as text", () => {
    renderIn(<Highlighted segments={[{ text: "<b>x</b>", match: true }]} />);
    expect(screen.getByText("<b>x</b>").tagName).toBe("MARK");
    expect(document.querySelector("b")).toBeNull();
  });
});
