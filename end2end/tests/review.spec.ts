import { expect, test } from "./fixtures";
import { emulatorAccountIds, hydrated, signIn } from "./helpers";

/** Every open-or-not seller and payment approval id of `status`, across all merchants, from the
 * emulator itself (a client-credentials token exchanged for each merchant). */
async function emulatorApprovals(status: string): Promise<string[]> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const partner = "T11200000";
  const basic = `Basic ${Buffer.from("demo-client:demo-secret").toString("base64")}`;
  const tokenResponse = await fetch(`${EMULATOR_URL}/v1/accounts/${partner}/auth/token`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "client_credentials", audience: `${EMULATOR_URL}/v1/accounts/${partner}` }),
  });
  expect(tokenResponse.ok).toBe(true);
  const { access_token: partnerToken } = (await tokenResponse.json()) as { access_token: string };
  const ids: string[] = [];
  for (const aid of await emulatorAccountIds("")) {
    const exchanged = await fetch(`${EMULATOR_URL}/v1/accounts/${partner}/auth/exchange_token`, {
      method: "POST",
      headers: { authorization: `Bearer ${partnerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ account_id: aid }),
    });
    expect(exchanged.ok).toBe(true);
    const { access_token } = (await exchanged.json()) as { access_token: string };
    const base = `${EMULATOR_URL}/v1/accounts/${aid}/management/settings/approvals`;
    for (const [path, key] of [
      [`payments?case_status=${status}`, "payments"],
      [`payout-destinations?case_status=${status}`, "payout_destinations"],
    ]) {
      const response = await fetch(`${base}/${path}`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(response.ok).toBe(true);
      const body = (await response.json()) as Record<string, { id: string }[]>;
      ids.push(...(body[key] ?? []).map((item) => item.id));
    }
  }
  return ids.sort();
}

test("the queue lists exactly the emulator's open approvals of a chosen status, oldest first", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "onboarding@partner.example", "/onboarding");
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(page.getByTestId("queue-summary")).toBeVisible();
  // The onboarding person's scopes do not read due-diligence cases; the page says so.
  await expect(page.getByTestId("no-cdd")).toBeVisible();

  await hydrated(page, testInfo);
  const filters = page.getByRole("form", { name: "Review queue filters" });
  for (const box of await filters.locator('input[name="case_status"]').all()) await box.uncheck();
  await filters.getByLabel("Under manual review").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/case_status=UNDER_MANUAL_REVIEW/);
  await expect(page.getByTestId("queue-summary")).toBeVisible();

  const expected = await emulatorApprovals("UNDER_MANUAL_REVIEW");
  expect(expected.length).toBeGreaterThan(0);
  const rows = page.getByTestId("queue").locator("tbody tr");
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-item") ?? ""));
  expect([...shown].sort()).toEqual(expected);
  for (const status of await rows.locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) {
    expect(status).toBe("UNDER_MANUAL_REVIEW");
  }
  // Oldest first.
  const created = await rows.evaluateAll((trs) => trs.map((tr) => Date.parse(tr.getAttribute("data-created") ?? "")));
  expect(created).toEqual([...created].sort((a, b) => a - b));
  // Once everything is in, only the sorted list is visible.
  await expect(page.getByTestId("queue-live")).toBeHidden();
  // The failures section appears only when something failed.
  await expect(page.getByTestId("review-failures")).toHaveCount(0);
});

test("the pipeline shows each merchant's tracks and whose move it is", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "onboarding@partner.example", "/onboarding/pipeline?next=merchant");
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding pipeline" })).toBeVisible();
  const rows = page.getByTestId("pipeline").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const next = await page.getByTestId("pipeline").getByTestId("stuck").allTextContents();
  expect(next.length).toBeGreaterThan(0);
  for (const text of next) expect(text).toContain("Next move: the merchant");
  // Links lead to the merchant.
  const first = rows.first();
  const aid = await first.getAttribute("data-account");
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${aid}$`));
});
