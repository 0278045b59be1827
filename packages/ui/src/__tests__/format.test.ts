import { describe, expect, it } from "vitest";
import { retryDelayMs, saysSignedOut, socketCloseMeaning, webSocketUrl } from "../apollo.ts";
import { enumLabel } from "../i18n/enums.ts";
import { formatDateTime, localizedName } from "../i18n/format.ts";
import { prependUnique } from "../lists.ts";

describe("formatDateTime", () => {
  it("shows times in Beijing time whatever the browser's zone", () => {
    // 16:30 UTC is 00:30 the next day in Asia/Shanghai.
    expect(formatDateTime("2025-03-01T16:30:00Z", "zh-CN")).toBe("2025/03/02 00:30");
    expect(formatDateTime("2025-03-01T16:30:00Z", "en")).toBe("03/02/2025, 00:30");
    expect(formatDateTime("2025-03-01T16:30:00Z", "en", false)).toBe("03/02/2025");
  });

  it("returns an unparsable value unchanged", () => {
    expect(formatDateTime("not a date", "en")).toBe("not a date");
  });
});

describe("localizedName", () => {
  it("uses the English name in English and falls back to Chinese when it is missing", () => {
    expect(localizedName({ nameZh: "张店区", nameEn: "Zhangdian District" }, "en")).toBe("Zhangdian District");
    expect(localizedName({ nameZh: "马尚街道", nameEn: null }, "en")).toBe("马尚街道");
    expect(localizedName({ nameZh: "张店区", nameEn: "Zhangdian District" }, "zh-CN")).toBe("张店区");
  });
});

describe("enumLabel", () => {
  it("localizes schema enum values and shows unknown ones as sent", () => {
    expect(enumLabel("zh-CN", "RequestType", "COMPLAINT")).toBe("投诉");
    expect(enumLabel("zh-CN", "TicketStatus", "RECEIVED")).toBe("已受理");
    expect(enumLabel("en", "Urgency", "EMERGENCY")).toBe("Emergency");
    expect(enumLabel("en", "TicketStatus", "ESCALATED")).toBe("ESCALATED");
  });
});

describe("prependUnique", () => {
  it("adds a new item first and ignores one already listed", () => {
    const list = [{ id: "2" }, { id: "1" }];
    expect(prependUnique(list, { id: "3" }, 2)).toEqual({ items: [{ id: "3" }, { id: "2" }], added: true });
    expect(prependUnique(list, { id: "1" })).toEqual({ items: list, added: false });
  });
});

describe("webSocketUrl", () => {
  it("uses the page's origin with ws:// or wss:// on the same path", () => {
    expect(webSocketUrl("/graphql", { href: "http://localhost:5173/operator/" })).toBe("ws://localhost:5173/graphql");
    expect(webSocketUrl("/graphql", { href: "https://hotline.example.gov.cn/portal/track" })).toBe(
      "wss://hotline.example.gov.cn/graphql",
    );
  });
});

describe("retryDelayMs", () => {
  it("doubles from one second, caps at thirty, and adds under a second of jitter", () => {
    expect(retryDelayMs(0, () => 0)).toBe(1000);
    expect(retryDelayMs(3, () => 0)).toBe(8000);
    expect(retryDelayMs(20, () => 0.999)).toBe(30_999);
  });
});

describe("socketCloseMeaning", () => {
  it("does not retry a socket whose session the gateway ended, retries dropped ones, and leaves a normal close alone", () => {
    expect(socketCloseMeaning({ code: 4401, reason: "Logged out" })).toBe("session-ended");
    expect(socketCloseMeaning({ code: 1000 })).toBe("normal");
    expect(socketCloseMeaning({ code: 1006 })).toBe("retry");
    expect(socketCloseMeaning(new Event("error"))).toBe("retry");
    expect(socketCloseMeaning(undefined)).toBe("retry");
  });
});

describe("saysSignedOut", () => {
  it("spots an answer coded UNAUTHENTICATED for any operation but the sign-in gate's own", () => {
    const signedOut = { errors: [{ extensions: { code: "UNAUTHENTICATED" } }] };
    expect(saysSignedOut("TicketQueue", signedOut)).toBe(true);
    expect(saysSignedOut("Me", signedOut)).toBe(false);
    expect(saysSignedOut("Logout", signedOut)).toBe(false);
    expect(saysSignedOut("TicketQueue", { errors: [{ extensions: { code: "FORBIDDEN" } }] })).toBe(false);
    expect(saysSignedOut("TicketQueue", {})).toBe(false);
  });
});
