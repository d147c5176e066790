import { expect, test } from "./fixtures";
import { hydrated, open, PASSWORD, signIn } from "./helpers";

test("a page needs a session: without one, the sign-in page, and back after it", async ({ page }, testInfo) => {
  await open(page, "/");
  await expect(page).toHaveURL(/\/login\?next=%2F|\/login\?next=\//);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill("manager@partner.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome, Kari Nordmann");
});

test("sign in, see the shell, switch language, sign out", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example");
  const header = page.getByRole("banner");
  await expect(header).toContainText("Nordlys Betaling");
  await expect(header).toContainText("T11200000");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("scopes")).toContainText("read:settlements");
  await expect(page.getByRole("contentinfo")).toContainText("built-in emulator");

  await page.getByRole("button", { name: "Norsk bokmål" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Velkommen, Ingrid Sæther");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("button", { name: "Logg ut" })).toBeVisible();

  // The language is remembered on the next visit.
  await open(page, "/");
  await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Oversikt" })).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // The old session is gone: the overview asks for a sign-in again.
  await open(page, "/");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a wrong password keeps the e-mail and says what is wrong", async ({ page }, testInfo) => {
  await open(page, "/login");
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill("onboarding@partner.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail or password is wrong")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("onboarding@partner.example");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed e-mail is refused at the field before Dintero is asked", async ({ page }, testInfo) => {
  await open(page, "/login");
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill("kari.nordmann");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an e-mail address like name@company.no.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("kari.nordmann");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
});

test("an unknown address shows the 404 page with status 404", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "onboarding@partner.example");
  const response = await page.goto("/nope");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Page not found · Partner Back-office/);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome, Ola Bjørnstad");
});

test("pages hydrate under the Content-Security-Policy without a console error", async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await hydrated(page, testInfo);
  await signIn(page, testInfo, "manager@partner.example");
  await hydrated(page, testInfo);
  expect(problems).toEqual([]);
});
