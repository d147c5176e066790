import { expect, test } from "./fixtures";
import { emulatorTeam, hydrated, open, signIn } from "./helpers";

/** What the README's "Who may do what" table gives each demo person, capability by capability. */
const EXPECTED: Record<string, Record<string, boolean>> = {
  "manager@partner.example": { ManageMerchants: true, Review: true, Screen: false, Settlements: false, Activity: false, ManageTeam: true },
  "onboarding@partner.example": { ManageMerchants: false, Review: true, Screen: true, Terminate: true, Settlements: false },
  "finance@partner.example": { ManageMerchants: false, Settlements: true, Reports: true, Payouts: true, Activity: false, ManageTeam: false },
  "admin@partner.example": {
    ViewMerchants: true, ManageMerchants: true, PricePackages: true, Review: true, Screen: true, Terminate: true,
    Settlements: true, ConfigureReports: true, Reports: true, Payouts: true, Activity: true, Team: true, ManageTeam: true,
  },
};

test("the team page shows what each demo person may do, and why not", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const team = page.getByTestId("team");
  // Every person Dintero lists (the demo people, and any a test is inviting just now).
  await expect(team).toContainText(`${(await emulatorTeam()).length} people.`);
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
  await expect(team.locator(`tr[data-capability]`)).toHaveCount(13);
});

test("the account manager reaches the team page: Dintero lets read:accounts list the partner's people", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "manager@partner.example");
  const response = await page.goto("/team");
  expect(response?.status()).toBe(200);
  await open(page, "/team");
  await expect(page.getByTestId("team").locator(`th[data-email="manager@partner.example"]`)).toContainText("Kari Nordmann");
});

test("a manager invites a colleague, is refused a role beyond their own scopes, and removes them", async ({ page }, testInfo) => {
  const email = `nora.${testInfo.project.name}.${Date.now()}@partner.example`;
  await signIn(page, testInfo, "manager@partner.example", "/team");
  await hydrated(page, testInfo);
  const invite = page.getByRole("form", { name: "Invite a colleague" });
  // A malformed e-mail is refused at the field, with the input kept.
  await invite.getByLabel("E-mail").fill("nora.partner.example");
  await invite.getByLabel("Name").fill("Nora Berg");
  await invite.getByLabel("Role").selectOption({ label: "Account management" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Enter an e-mail address like name@company.no.")).toBeVisible();
  await expect(invite.getByLabel("Name")).toHaveValue("Nora Berg");

  await hydrated(page, testInfo);
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("team-done")).toContainText(`${email} was invited to the team.`);
  const invited = (await emulatorTeam()).find((u) => u.email === email);
  expect(invited?.scope.sort()).toEqual(["read:accounts", "write:accounts"]);
  expect(invited?.name).toBe("Nora Berg");

  // Finance scopes are not the manager's to give: Dintero refuses, and the page says so.
  await hydrated(page, testInfo);
  const row = page.locator(`li[data-member="${email}"]`);
  await row.getByRole("combobox").selectOption({ label: "Finance" });
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByTestId("people-error")).toContainText(
    "Dintero refuses: this role gives scopes you do not hold yourself.",
  );
  expect((await emulatorTeam()).find((u) => u.email === email)?.scope.sort()).toEqual(["read:accounts", "write:accounts"]);

  // Removing needs the box ticked, which names the person.
  await hydrated(page, testInfo);
  await row.locator("summary", { hasText: "Remove Nora Berg" }).click();
  await row.getByLabel(`Yes, remove Nora Berg (${email}) from the team`).check();
  await row.getByRole("button", { name: "Remove from the team" }).click();
  await expect(page.getByTestId("team-done")).toContainText(`${email} was removed from the team.`);
  expect((await emulatorTeam()).some((u) => u.email === email)).toBe(false);
  await expect(page.locator(`li[data-member="${email}"]`)).toHaveCount(0);
});
