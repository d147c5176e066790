// The language: the person's own choice first, then the browser's Accept-Language, then English;
// `<html lang>` says which, with and without JavaScript. Dates and money take the language's form.
//
// People: the onboarding person never picks a language in any test, so their pages follow the
// browser; the finance person picks (and every test that does ends by picking English again).
import { Browser, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorAccounts, hydrated, open, PASSWORD, withJs } from "./helpers";

/** A browser whose Accept-Language is `locale`, with the project's JavaScript setting. */
async function browserSpeaking(browser: Browser, testInfo: TestInfo, locale: string): Promise<Page> {
  const { BASE_URL } = await import("../playwright.config");
  const context = await browser.newContext({ locale, javaScriptEnabled: withJs(testInfo), baseURL: BASE_URL });
  return context.newPage();
}

/** Signs in through the form, whatever its language (the fields are found by name). */
async function signInAnyLanguage(page: Page, testInfo: TestInfo, email: string, next = "/") {
  await open(page, `/login?next=${encodeURIComponent(next)}`);
  await hydrated(page, testInfo);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

test("a Swedish browser gets every main page in Swedish", async ({ browser }, testInfo) => {
  const page = await browserSpeaking(browser, testInfo, "sv-SE");
  await open(page, "/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await expect(page.getByLabel("Lösenord")).toBeVisible();

  await signInAnyLanguage(page, testInfo, "onboarding@partner.example");
  for (const [path, heading] of [
    ["/", "Välkommen"],
    ["/accounts", "Handlare"],
    ["/onboarding", "Granskningskö"],
    ["/onboarding/pipeline", "Onboardingflöde"],
    ["/screening", "Screening"],
  ]) {
    await open(page, path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 }), path).toContainText(heading);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link", { name: "Översikt" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: "Logga ut" }), path).toBeVisible();
    // No English left in the frame of the page.
    await expect(page.getByRole("button", { name: "Sign out" }), path).toHaveCount(0);
  }
  // The switch offers all three, each in its own language.
  for (const name of ["English", "Norsk bokmål", "Svenska"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(1);
  }
  await page.context().close();
});

test("a Norwegian browser (no) gets Bokmål", async ({ browser }, testInfo) => {
  const page = await browserSpeaking(browser, testInfo, "no");
  await open(page, "/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
  await signInAnyLanguage(page, testInfo, "onboarding@partner.example", "/accounts");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Brukersteder");
  await page.context().close();
});

test("a person who picked English keeps it on their next sign-in, whatever the browser says", async ({ browser }, testInfo) => {
  const first = await browserSpeaking(browser, testInfo, "sv-SE");
  await signInAnyLanguage(first, testInfo, "finance@partner.example");
  // From Swedish (an earlier run may have left English as the person's choice)…
  await hydrated(first, testInfo);
  await pickLanguage(first, "Svenska", "sv");
  await expect(first.getByRole("heading", { level: 1 })).toContainText("Välkommen");
  // …to English.
  await hydrated(first, testInfo);
  await pickLanguage(first, "English", "en");
  await expect(first.getByRole("heading", { level: 1 })).toContainText("Welcome");
  await first.context().close();

  // Another browser, Swedish too, with no cookie of the choice: the store remembers it.
  const second = await browserSpeaking(browser, testInfo, "sv-SE");
  await open(second, "/login");
  await expect(second.locator("html")).toHaveAttribute("lang", "sv");
  await signInAnyLanguage(second, testInfo, "finance@partner.example");
  await expect(second.locator("html")).toHaveAttribute("lang", "en");
  await expect(second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toBeVisible();
  await second.context().close();
});

test("in Swedish, dates read 2026-12-03 14:05 CET, kronor read kr and organisation numbers their country's form", async ({ browser }, testInfo) => {
  const swedish = (await emulatorAccounts("")).find(
    (a) => (a as { company?: { address?: { country?: string } } }).company?.address?.country === "SE",
  );
  expect(swedish, "the emulator seeds Swedish merchants").toBeTruthy();
  const aid = swedish!.account_id;

  const page = await browserSpeaking(browser, testInfo, "en");
  await signInAnyLanguage(page, testInfo, "finance@partner.example");
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "Svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  try {
    await open(page, `/accounts/${aid}/settlements`);
    const table = page.getByTestId("settlements");
    await expect(table).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} CES?T/);
    await expect(table).toContainText(/\d,\d{2}\skr/);
    await expect(table).not.toContainText(/\d{2}\.\d{2}\.\d{4}/);

    await open(page, `/accounts/${aid}`);
    await expect(page.getByTestId("merchant-overview")).toContainText(/Organisationsnummer\d{6}-\d{4}Bransch/);
  } finally {
    await hydrated(page, testInfo);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.context().close();
  }
});

/** Picks a language in the header and waits for the page in it. The switch is a plain form that
 * reloads the page; a click that lands while the previous reload is still settling is tried again
 * (once seen in a full run, never alone). */
async function pickLanguage(page: Page, name: string, lang: string) {
  await expect(async () => {
    if ((await page.locator("html").getAttribute("lang")) !== lang) {
      await page.getByRole("button", { name }).click({ timeout: 5_000 });
    }
    await expect(page.locator("html")).toHaveAttribute("lang", lang, { timeout: 5_000 });
  }).toPass({ timeout: 15_000 });
}
