import { cleanup, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Language } from "../../i18n/languages.ts";
import { DeadlineCountdown, type DeadlineCountdownProps } from "../DeadlineCountdown.tsx";
import { useRuleText, type RuleLike } from "../rules.ts";

const NOW = new Date("2026-11-24T06:00:00Z"); // 14:00 in Zibo

function show(props: Omit<DeadlineCountdownProps, "now" | "testId">, language: Language) {
  render(
    <I18nProvider language={language}>
      <DeadlineCountdown {...props} now={NOW} testId="countdown" />
    </I18nProvider>,
  );
  return screen.getByTestId("countdown");
}

describe("DeadlineCountdown", () => {
  it("says how much working time is left when on time, without a warning look", () => {
    const en = show({ dueAt: "2026-11-26T09:30:00Z", state: "ON_TIME", workingMinutesLeft: 135 }, "en");
    expect(en.textContent).toBe("2 h 15 min left (working time)");
    expect(en.className).toContain("deadline--on-time");
    expect(en.getAttribute("title")).toBe("Deadline: 11/26/2026, 17:30");
  });

  it("says the same in Chinese", () => {
    const zh = show({ dueAt: "2026-11-26T09:30:00Z", state: "ON_TIME", workingMinutesLeft: 135 }, "zh-CN");
    expect(zh.textContent).toBe("剩余 2 小时 15 分钟（工作时间）");
  });

  it("names a near-due deadline in words, not only in colour", () => {
    const en = show({ dueAt: "2026-11-24T07:00:00Z", state: "NEAR_DUE", workingMinutesLeft: 45 }, "en");
    expect(en.textContent).toBe("⏰Due soon: 45 min left (working time)");
    expect(en.className).toContain("deadline--near-due");
    expect(en.getAttribute("data-state")).toBe("NEAR_DUE");
  });

  it("says 即将超期 for a near-due deadline in Chinese", () => {
    const zh = show({ dueAt: "2026-11-24T07:00:00Z", state: "NEAR_DUE", workingMinutesLeft: 60 }, "zh-CN");
    expect(zh.textContent).toBe("⏰即将超期：剩余 1 小时（工作时间）");
  });

  it("counts an overdue deadline in calendar days", () => {
    const one = show({ dueAt: "2026-11-23T05:00:00Z", state: "OVERDUE", workingMinutesLeft: -450 }, "en");
    expect(one.textContent).toBe("⚠Overdue by 1 day");
    expect(one.className).toContain("deadline--overdue");
  });

  it("uses the plural and Chinese wording for longer delays", () => {
    const en = show({ dueAt: "2026-11-21T06:00:00Z", state: "OVERDUE", workingMinutesLeft: -900 }, "en");
    expect(en.textContent).toBe("⚠Overdue by 3 days");
    cleanup();
    const zh = show({ dueAt: "2026-11-21T06:00:00Z", state: "OVERDUE", workingMinutesLeft: -900 }, "zh-CN");
    expect(zh.textContent).toBe("⚠已超期 3 天");
  });

  it("gives hours and minutes for a delay under a day", () => {
    const zh = show({ dueAt: "2026-11-24T02:40:00Z", state: "OVERDUE", workingMinutesLeft: -200 }, "zh-CN");
    expect(zh.textContent).toBe("⚠已超期 3 小时 20 分钟");
  });

  it("falls back to calendar time without the server's working minutes, and says when there is no deadline", () => {
    const calendar = show({ dueAt: "2026-11-26T09:00:00Z", state: "ON_TIME", workingMinutesLeft: null }, "en");
    expect(calendar.textContent).toBe("2 days 3 h left");
    cleanup();
    const none = show({ dueAt: null, state: "ON_TIME", workingMinutesLeft: null }, "zh-CN");
    expect(none.textContent).toBe("无办理时限");
  });
});

function RuleText({ rule }: { rule: RuleLike | null }) {
  const { summary } = useRuleText();
  return <p data-testid="rule">{summary(rule)}</p>;
}

describe("useRuleText", () => {
  const unit = { nameZh: "淄博市教育局", nameEn: "Zibo Education Bureau" };
  it("reads a rule as category × area → unit, 全市 when the area is open", () => {
    render(
      <I18nProvider language="zh-CN">
        <RuleText rule={{ category: { nameZh: "教育", nameEn: "Education" }, area: null, requestType: null, keywords: [], leadUnit: unit }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId("rule").textContent).toBe("规则：教育 × 全市 → 淄博市教育局");
  });

  it("adds the request type and keywords, and says when no rule matched", () => {
    render(
      <I18nProvider language="en">
        <RuleText rule={{ category: null, area: { nameZh: "青城镇" }, requestType: "COMPLAINT", keywords: ["噪音"], leadUnit: unit }} />
        <RuleText rule={null} />
      </I18nProvider>,
    );
    const [first, second] = screen.getAllByTestId("rule");
    expect(first?.textContent).toBe("Rule: any category × 青城镇 × Complaint × keywords “噪音” → Zibo Education Bureau");
    expect(second?.textContent).toBe("No rule matched");
  });
});
