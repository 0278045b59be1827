import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TableScroll } from "../components/TableScroll.tsx";

describe("TableScroll", () => {
  it("is a named region the keyboard can reach, around the table it scrolls", () => {
    render(
      <TableScroll label="Latest tickets in the queue">
        <table>
          <tbody>
            <tr>
              <td>GD-2024-0001</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>,
    );
    const region = screen.getByRole("region", { name: "Latest tickets in the queue" });
    expect(region.className).toBe("table-scroll");
    expect(region.tabIndex).toBe(0);
    expect(region.contains(screen.getByRole("table"))).toBe(true);
    region.focus();
    expect(document.activeElement).toBe(region);
  });

  it("names the region in the reader's language", () => {
    render(
      <TableScroll label="最新待办工单">
        <table />
      </TableScroll>,
    );
    expect(screen.getByRole("region", { name: "最新待办工单" }).getAttribute("tabindex")).toBe("0");
  });
});
