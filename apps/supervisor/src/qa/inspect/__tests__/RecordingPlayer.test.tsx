import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { RecordingPlayer } from "../RecordingPlayer.tsx";

afterEach(() => vi.unstubAllGlobals());

describe("the recording player", () => {
  it("plays the gateway's address with the browser's audio player", () => {
    renderRouting(<RecordingPlayer url="/qa/recordings/3f1c" />, []);
    const audio = screen.getByTestId("qa-recording-audio") as HTMLAudioElement;
    expect(audio.getAttribute("src")).toBe("/qa/recordings/3f1c");
    expect(audio.controls).toBe(true);
    expect(screen.getByLabelText("Recording of the call")).toBe(audio);
  });

  it("says clearly why a recording cannot be fetched, from the gateway's error code", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ error: { code: "QA/RECORDING_UNAVAILABLE", message: "x" } }), { status: 502 }));
    vi.stubGlobal("fetch", fetchMock);
    renderRouting(<RecordingPlayer url="/qa/recordings/gone" />, [], "zh-CN");
    fireEvent.error(screen.getByTestId("qa-recording-audio"));
    expect((await screen.findByTestId("qa-recording-error")).textContent).toContain("暂时无法从话务系统获取录音");
    expect(screen.queryByTestId("qa-recording-audio")).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith("/qa/recordings/gone", expect.objectContaining({ credentials: "same-origin" }));
  });

  it("a missing file and a call without a recording are told apart", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { code: "QA/RECORDING_NOT_FOUND", message: "x" } }), { status: 404 })));
    const view = renderRouting(<RecordingPlayer url="/qa/recordings/missing" />, []);
    fireEvent.error(screen.getByTestId("qa-recording-audio"));
    expect((await screen.findByTestId("qa-recording-error")).textContent).toContain("has no such file");
    view.unmount();
    renderRouting(<RecordingPlayer url={null} />, []);
    expect(screen.getByTestId("qa-recording-none").textContent).toContain("no recording");
  });
});
