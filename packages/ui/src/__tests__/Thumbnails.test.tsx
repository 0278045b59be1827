import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AttachmentThumbnails } from "../components/Thumbnails.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

describe("AttachmentThumbnails", () => {
  it("shows photos as thumbnails that open full size in a dialog, and other files as links", () => {
    render(
      <I18nProvider language="en">
        <AttachmentThumbnails
          label="Attachments of the reply"
          files={[
            { id: "1", filename: "after-repair.jpg", contentType: "image/jpeg", src: "/files/1" },
            { id: "2", filename: "notice.pdf", contentType: "application/pdf", src: "/files/2" },
          ]}
        />
      </I18nProvider>,
    );
    const list = screen.getByRole("list", { name: "Attachments of the reply" });
    expect(list.querySelector("img")?.getAttribute("src")).toBe("/files/1");
    expect(screen.getByRole("link", { name: "notice.pdf" }).getAttribute("href")).toBe("/files/2");

    const open = screen.getByRole("button", { name: "Open the photo after-repair.jpg at full size" });
    open.focus();
    fireEvent.click(open);
    const dialog = screen.getByRole("dialog", { name: "after-repair.jpg" });
    expect(screen.getByRole("img", { name: "after-repair.jpg" }).getAttribute("src")).toBe("/files/1");
    expect(document.activeElement?.textContent).toBe("Close");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
