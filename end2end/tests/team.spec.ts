import { expect, test } from "./fixtures";
import { open, signIn } from "./helpers";

/** What the README's "Who may do what" table gives each demo person, capability by capability. */
const EXPECTED: Record<string, Record<string, boolean>> = {
  "manager@partner.example": { ManageMerchants: true, Review: true, Screen: false, Settlements: false, Activity: false },
  "onboarding@partner.example": { ManageMerchants: false, Review: true, Screen: true, Terminate: true, Settlements: false },
  "finance@partner.example": { ManageMerchants: false, Settlements: true, Reports: true, Payouts: true, Activity: false },
  "admin@partner.example": {
    ViewMerchants: true, ManageMerchants: true, PricePackages: true, Review: true, Screen: true, Terminate: true,
    Settlements: true, ConfigureReports: true, Reports: true, Payouts: true, Activity: true, Team: true,
  },
};

test("the team page shows what each demo person may do, and why not", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const team = page.getByTestId("team");
  await expect(team).toContainText("4 people.");
  await expect(team).toContainText("Dintero's scopes alone decide.");
  for (const [email, capabilities] of Object.entries(EXPECTED)) {
    await expect(team.locator(`th[data-email="${email}"]`)).toBeVisible();
    for (const [capability, allowed] of Object.entries(capabilities)) {
      const cell = team.locator(`tr[data-capability="${capability}"] td[data-person="${email}"]`);
      await expect(cell, `${email} ${capability}`).toHaveAttribute("data-allowed", String(allowed));
    }
  }
  // A refused cell says what is missing.
  await expect(
    team.locator(`tr[data-capability="Activity"] td[data-person="finance@partner.example"]`),
  ).toHaveAttribute("title", "Needs one of these Dintero scopes: admin:accounts.");
  // The administrator signs in with a second factor; the others do not.
  await expect(team.locator(`th[data-email="admin@partner.example"]`)).toContainText("Second factor on");
  await expect(team.locator(`th[data-email="finance@partner.example"]`)).toContainText("No second factor");
  // Dintero's last_seen_at: the finance person has just signed in.
  await expect(team.locator(`th[data-email="finance@partner.example"]`)).toContainText(/Last seen \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} CES?T/);
  await expect(team.locator(`tr[data-capability]`)).toHaveCount(12);
});

test("the account manager reaches the team page: Dintero lets read:accounts list the partner's people", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "manager@partner.example");
  const response = await page.goto("/team");
  expect(response?.status()).toBe(200);
  await open(page, "/team");
  await expect(page.getByTestId("team").locator(`th[data-email="manager@partner.example"]`)).toContainText("Kari Nordmann");
});
