import { expect, test } from "./fixtures";
import { hydrated, signIn, withJs } from "./helpers";

const ONBOARDING = "onboarding@partner.example";

test("a MATCH search finds a seeded listed merchant with the right fields marked, and a clean one nothing", async ({ page }, testInfo) => {
  await signIn(page, testInfo, ONBOARDING, "/screening?aid=T11200005");
  await expect(page.getByRole("heading", { level: 1, name: "Screening" })).toBeVisible();
  // The form is filled in from the merchant's account.
  await expect(page.getByLabel("Legal name", { exact: true })).not.toHaveValue("");
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "Search MATCH and VMSS" }).click();
  await expect(page).toHaveURL(/irn=\d+/);

  await expect(page.getByTestId("screening-summary")).toHaveAttribute("data-listed", "true");
  await expect(page.getByTestId("irn")).toHaveText(/^\d{17}$/);
  // Listed under its exact business and trading name, for excessive chargebacks.
  const listing = page.getByTestId("match-listing").filter({ has: page.locator('[data-code="04"]') }).first();
  await expect(listing.getByTestId("reason")).toContainText("Excessive chargebacks");
  await expect(listing.getByTestId("listing-fields").locator('tr[data-field="name"]')).toHaveAttribute("data-hit", "exact");
  await expect(listing.getByTestId("listing-fields").locator('tr[data-field="name"]')).toContainText("Exact match");
  await expect(listing.getByTestId("listing-fields").locator('tr[data-field="dba"]')).toHaveAttribute("data-hit", "exact");
  // VMSS, beside it, has it under a respelling of its display name.
  const vmss = page.getByTestId("vmss-results");
  await expect(vmss.getByTestId("vmss-listing").first()).toBeVisible();
  await expect(vmss.locator('tr[data-hit="phonetic"], tr[data-hit="exact"]').first()).toBeVisible();

  // A clean merchant: nothing anywhere.
  await page.goto("/screening?aid=T11200002");
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "Search MATCH and VMSS" }).click();
  await expect(page).toHaveURL(/aid=T11200002&irn=\d+/);
  await expect(page.getByTestId("screening-summary")).toHaveAttribute("data-listed", "false");
  await expect(page.getByTestId("match-count")).toHaveText("0");
  await expect(page.getByTestId("vmss-count")).toHaveText("0");
  await expect(page.getByTestId("match-none")).toBeVisible();
  await expect(page.getByTestId("vmss-none")).toBeVisible();
});

test("a decision needs a note, and then appears in the merchant's activity", async ({ page }, testInfo) => {
  const note = `Chargebacks listed in 2025, refused (${withJs(testInfo) ? "js" : "no-js"} ${Date.now()})`;
  await signIn(page, testInfo, ONBOARDING, "/screening?aid=T11200005");
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "Search MATCH and VMSS" }).click();
  await expect(page).toHaveURL(/irn=\d+/);
  const irn = (await page.getByTestId("irn").textContent())?.trim() ?? "";

  await hydrated(page, testInfo);
  const decision = page.getByRole("form", { name: "Decision" });
  await decision.getByLabel("Decline").check();
  await decision.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Write a note: why this decision?")).toBeVisible();
  await expect(page.getByRole("form", { name: "Decision" }).getByLabel("Decline")).toBeChecked();

  await hydrated(page, testInfo);
  await page.getByRole("form", { name: "Decision" }).getByLabel("Note (required)").fill(note);
  await page.getByRole("form", { name: "Decision" }).getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("decided")).toContainText("Decline");
  await page.getByRole("link", { name: "See it in the merchant's activity." }).click();
  await expect(page).toHaveURL(/\/accounts\/T11200005\?tab=activity/);
  const comment = page.getByTestId("comments").locator("li").filter({ hasText: note });
  await expect(comment).toHaveCount(1);
  await expect(comment).toContainText("Screening decision: DECLINE");
  await expect(comment).toContainText(irn);
});

test("a termination added to MATCH is found by the next search", async ({ page }, testInfo) => {
  const name = `E2E Vape Import ${withJs(testInfo) ? "JS" : "NOJS"} ${Date.now()}`;
  await signIn(page, testInfo, ONBOARDING, "/screening?aid=T11200003");
  await hydrated(page, testInfo);
  await page.getByRole("link", { name: "Add to MATCH" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a terminated merchant" })).toBeVisible();

  await hydrated(page, testInfo);
  await page.getByLabel("Legal name", { exact: true }).fill(name);
  await page.getByLabel("Trading name", { exact: true }).fill(name);
  await page.getByLabel("Agreement terminated (YYYY-MM-DD)").fill("2026-11-01");
  await page.getByRole("button", { name: "Review before sending" }).click();
  // No reason yet: refused at the field, what was typed kept.
  await expect(page.getByText("Choose a reason from the list.")).toBeVisible();
  await expect(page.getByLabel("Legal name", { exact: true })).toHaveValue(name);

  await hydrated(page, testInfo);
  await page.getByLabel("Reason").selectOption({ label: "13 – Illegal transactions" });
  await page.getByRole("button", { name: "Review before sending" }).click();
  const consequence = page.getByTestId("consequence");
  await expect(consequence).toContainText(name);
  await expect(consequence).toContainText("visible to every acquirer");
  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "List the merchant in MATCH" }).click();
  await expect(page).toHaveURL(/terminated=match&reference=\d+/);
  await expect(page.getByTestId("terminated")).toContainText("Listed in Mastercard MATCH");

  // The next search under that name finds it, its name an exact match.
  await hydrated(page, testInfo);
  await page.getByLabel("Legal name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Search MATCH and VMSS" }).click();
  await expect(page).toHaveURL(/irn=\d+/);
  const listing = page.getByTestId("match-listing").and(page.locator(`[data-name="${name}"]`));
  await expect(listing).toHaveCount(1);
  await expect(listing.getByTestId("listing-fields").locator('tr[data-field="name"]')).toHaveAttribute("data-hit", "exact");
  await expect(listing.getByTestId("reason")).toContainText("Illegal transactions");
});
