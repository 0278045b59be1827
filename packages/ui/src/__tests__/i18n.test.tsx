import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { defineMessages, interpolate } from "../i18n/catalog.ts";
import { I18nProvider, useT } from "../i18n/I18nProvider.tsx";
import { detectLanguage, initialLanguage, LANGUAGE_STORAGE_KEY } from "../i18n/languages.ts";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";

describe("detectLanguage", () => {
  it("maps any Chinese variant to zh-CN", () => {
    expect(detectLanguage(["zh-TW", "en-US"])).toBe("zh-CN");
    expect(detectLanguage(["zh"])).toBe("zh-CN");
  });

  it("takes the first language it can serve, English otherwise", () => {
    expect(detectLanguage(["en-GB", "zh-CN"])).toBe("en");
    expect(detectLanguage(["fr-FR", "zh-CN"])).toBe("zh-CN");
    expect(detectLanguage(["de-DE"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
  });

  it("prefers a stored explicit choice over the browser languages", () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, "zh-CN");
    expect(initialLanguage()).toBe("zh-CN");
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, "klingon");
    expect(initialLanguage()).toBe(detectLanguage(navigator.languages));
  });
});

const appMessages = defineMessages({ "app.hello": "Hello {name}" }, { "app.hello": "您好，{name}" });

function Greeting() {
  const t = useT<"app.hello">();
  return (
    <p>
      {t("app.hello", { name: "Li" })} — {t("layout.logout")}
    </p>
  );
}

describe("I18nProvider and LanguageSwitcher", () => {
  it("switches language, persists the choice and updates <html lang>", () => {
    render(
      <I18nProvider messages={appMessages} language="en">
        <LanguageSwitcher />
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText("Hello Li — Log out")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");

    fireEvent.change(screen.getByTestId("language-switcher"), { target: { value: "zh-CN" } });

    expect(screen.getByText("您好，Li — 退出登录")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("zh-CN");
    expect(screen.getByLabelText("语言")).toBe(screen.getByTestId("language-switcher"));
  });

  it("offers exactly zh-CN and en, each named in its own language", () => {
    render(
      <I18nProvider language="en">
        <LanguageSwitcher />
      </I18nProvider>,
    );
    const options = Array.from(screen.getByTestId("language-switcher").querySelectorAll("option"));
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ["zh-CN", "中文"],
      ["en", "English"],
    ]);
  });
});

describe("interpolate", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(interpolate("{count} / {max}", { count: 3, max: 4000 })).toBe("3 / 4000");
    expect(interpolate("Hi {who}", {})).toBe("Hi {who}");
  });
});
