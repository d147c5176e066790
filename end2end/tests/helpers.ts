import { expect, Page, TestInfo } from "@playwright/test";

export const PASSWORD = "demo-password";

/** True in the project that runs with JavaScript on. */
export function withJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Opens `path` and checks that it is this app answering (another program may hold a port). */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveTitle(/Partner Back-office/);
}

/** Waits until the page is hydrated, so clicks reach Leptos' handlers (no-op without JS). */
export async function hydrated(page: Page, testInfo: TestInfo) {
  if (withJs(testInfo)) {
    await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
  }
}

/** Signs in through the form and waits for the overview. */
export async function signIn(page: Page, testInfo: TestInfo, email: string, next = "/") {
  await open(page, `/login?next=${encodeURIComponent(next)}`);
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}
