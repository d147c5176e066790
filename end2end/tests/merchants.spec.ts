import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorAccountIds, hydrated, open, signIn } from "./helpers";

/** The account ids in the portfolio table, in order. */
async function shownIds(page: Page): Promise<string[]> {
  return page.getByTestId("portfolio").locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => row.getAttribute("data-account") ?? ""),
  );
}

test("filter the portfolio by two connections and a status: exactly Dintero's matches, in a shareable URL", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "manager@partner.example", "/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Merchants" })).toBeVisible();
  await hydrated(page, testInfo);
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Vipps", { exact: true }).check();
  await filters.getByLabel("Klarna").check();
  await filters.getByRole("checkbox", { name: "Enabled" }).check();
  await filters.getByLabel("Rows per page").selectOption("100");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/connection=vipps&connection=klarna&connection_status=enabled/);

  const expected = await emulatorAccountIds("connection=vipps&connection=klarna&connection_status=enabled");
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId("portfolio-count")).toContainText(`${expected.length} merchants shown`);
  expect(await shownIds(page)).toEqual(expected);

  // The same URL, reloaded, shows the same view.
  await page.reload();
  expect(await shownIds(page)).toEqual(expected);
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Klarna")).toBeChecked();
});

test("page through the whole portfolio and back again", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example", "/accounts?limit=10");
  const all = await emulatorAccountIds("");
  const pages = Math.ceil(all.length / 10);
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await expect(page.getByTestId("portfolio-count")).toContainText(`Page ${n} ·`);
    seen.push(...(await shownIds(page)));
    if (n < pages) {
      await hydrated(page, testInfo);
      await page.getByRole("link", { name: "Next" }).click();
    }
  }
  expect(seen).toEqual(all);
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  for (let n = pages - 1; n >= 1; n--) {
    await hydrated(page, testInfo);
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByTestId("portfolio-count")).toContainText(`Page ${n} ·`);
  }
  expect(await shownIds(page)).toEqual(all.slice(0, 10));
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);
  // Finance may look but not change: no "New merchant".
  await expect(page.getByRole("link", { name: "New merchant" })).toHaveCount(0);
});

test("a merchant's timeline, a connection event that changes the badge, and a comment", async ({ page }, testInfo) => {
  // Each project works on its own merchant, so the two runs do not see each other's changes.
  const aid = testInfo.project.name === "js" ? "T11200007" : "T11200008";
  await signIn(page, testInfo, "manager@partner.example", `/accounts?search=${aid}`);
  const row = page.locator(`tr[data-account="${aid}"]`);
  await expect(row).toBeVisible();
  await hydrated(page, testInfo);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${aid}$`));
  await expect(page.getByTestId("merchant-overview")).toBeVisible();

  await hydrated(page, testInfo);
  await page.getByRole("link", { name: "Connections" }).click();
  const card = page.getByTestId("connection").first();
  await expect(card.getByTestId("timeline").locator("li").first()).toBeVisible();
  const provider = (await card.getAttribute("data-provider")) ?? "";

  // Record: declined, with a bad event code first (kept input, message at the field), then fixed.
  const form = page.locator("form").filter({ has: page.getByLabel("New status") });
  await hydrated(page, testInfo);
  await form.getByLabel("Connection", { exact: true }).selectOption(provider.replace("_", "-"));
  await form.getByLabel("New status").selectOption("declined");
  await form.getByLabel(/Event code/).fill("Not A Code");
  await form.getByLabel("Description").fill("Declined by the provider after review");
  await form.getByRole("button", { name: "Record" }).click();
  await expect(page.getByText("Enter an event code of lower-case letters")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue("Declined by the provider after review");
  await hydrated(page, testInfo);
  await form.getByLabel(/Event code/).fill("provider_declined");
  await form.getByLabel("Connection", { exact: true }).selectOption(provider.replace("_", "-"));
  await form.getByLabel("New status").selectOption("declined");
  await form.getByRole("button", { name: "Record" }).click();
  const changed = page.locator(`[data-testid="connection"][data-provider="${provider}"]`);
  await expect(changed.locator("[data-status]").first()).toHaveAttribute("data-status", "declined");
  await expect(changed.getByTestId("timeline").locator("li").first()).toContainText("provider_declined");

  // The portfolio's badge changed too.
  await open(page, `/accounts?search=${aid}`);
  await expect(page.locator(`tr[data-account="${aid}"] [data-provider="${provider}"] [data-status]`)).toHaveAttribute(
    "data-status",
    "declined",
  );

  // A comment.
  await open(page, `/accounts/${aid}?tab=activity`);
  await hydrated(page, testInfo);
  const text = `Called the merchant about ${provider} (${testInfo.project.name})`;
  await page.getByLabel("Comment", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByTestId("comments").locator("li").first()).toContainText(text);
});

test("the price package and settings tabs show the merchant's package once, readable", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example", "/accounts/T11200001?tab=package");
  await hydrated(page, testInfo);
  await expect(page.getByTestId("price-package")).toHaveCount(1);
  await expect(page.getByTestId("price-package")).toContainText(/\d+,\d\d\u00a0NOK/);
  await expect(page.getByTestId("price-package")).toContainText(/\u00a0%/);
  // Finance may look, not assign.
  await expect(page.getByRole("button", { name: "Use this package" })).toHaveCount(0);
  await open(page, "/accounts/T11200001?tab=settings");
  await expect(page.getByTestId("settings")).toContainText("company.business_name");
  await expect(page.getByTestId("settings")).not.toContainText("connections");
});
