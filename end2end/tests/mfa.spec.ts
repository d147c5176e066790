import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { hydrated, open, PASSWORD } from "./helpers";

/** The newest code in the sandbox inbox, read in a second tab. */
async function newestCode(page: Page): Promise<string> {
  const inbox = await page.context().newPage();
  await inbox.goto("/sandbox/inbox");
  await expect(inbox).toHaveTitle(/Sandbox inbox · Partner Back-office/);
  const code = (await inbox.getByTestId("sandbox-messages").locator("li code").first().textContent())?.trim() ?? "";
  await inbox.close();
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

test("a person with MFA signs in with a code: wrong code, a new code, the right code", async ({ page }, testInfo) => {
  await open(page, "/login?next=%2F");
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill("admin@partner.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/login\/code/);
  await expect(page.getByRole("heading", { name: "Enter your one-time code" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("admin@partner.example");
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").check();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByTestId("code-sent")).toContainText("by e-mail");
  const first = await newestCode(page);

  await hydrated(page, testInfo);
  await page.getByLabel("One-time code").fill(first === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is wrong or has expired")).toBeVisible();
  await expect(page.getByLabel("One-time code")).toHaveAttribute("aria-invalid", "true");

  await hydrated(page, testInfo);
  await page.getByLabel("SMS to my phone").check();
  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByTestId("code-sent")).toContainText("by SMS");
  const second = await newestCode(page);

  await hydrated(page, testInfo);
  await page.getByLabel("One-time code").fill(second);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome, Åsa Lindqvist");
  await expect(page.getByTestId("scopes")).toContainText("admin:accounts");
});

test("the code page without a sign-in waiting says so", async ({ page }) => {
  await open(page, "/login/code");
  await expect(page.getByText("There is no sign-in waiting for a code")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/login");
});
