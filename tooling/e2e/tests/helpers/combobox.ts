import { expect, type Locator, type Page } from "@playwright/test";

/** The options list of a combobox (the list that follows its text box). */
function optionsOf(box: Locator): Locator {
  return box.locator("xpath=following-sibling::ul[@role='listbox']").getByRole("option");
}

/**
 * Picks an option in the focused search-as-you-type combobox with the keyboard only: ↓ opens the
 * list, its first option shows once the data has loaded, the typed text filters it, and `key`
 * (Enter, or Tab to pick and move on) is pressed once a match is highlighted — no sleeps.
 */
export async function pickInFocusedCombobox(page: Page, text: string, key: "Enter" | "Tab" = "Enter"): Promise<void> {
  const box = page.locator("input[role=combobox]:focus");
  await expect(box).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(optionsOf(box).first()).toBeVisible();
  await page.keyboard.type(text);
  await expect(box).toHaveAttribute("aria-activedescendant", /listbox-\d+$/);
  await page.keyboard.press(key);
}

/** Opens a combobox, types into it and picks the highlighted match with Enter, once its options have loaded. */
export async function pickInCombobox(box: Locator, text: string): Promise<void> {
  await box.click();
  await expect(optionsOf(box).first()).toBeVisible();
  await box.pressSequentially(text);
  await expect(box).toHaveAttribute("aria-activedescendant", /listbox-\d+$/);
  await box.press("Enter");
}
