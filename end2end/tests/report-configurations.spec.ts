import { expect, test } from "./fixtures";
import { financeToken, hydrated, open, signIn, signInWithCode, withJs } from "./helpers";

// A merchant no other spec writes report configurations for.
const AID = "T11200006";
type Config = {
  id: string;
  filetypes: string[];
  providers: string[];
  destinations: { destination_type: string; destination_value?: string }[];
  filters: { filter: string; value: string }[];
};

/** The merchant's report configurations as Dintero (the emulator) has them. */
async function emulatorConfigs(aid: string): Promise<Config[]> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const token = await financeToken(aid);
  const response = await fetch(`${EMULATOR_URL}/v1/accounts/${aid}/settlements/reports/configuration?limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { items: Config[] }).items;
}

test("create and delete a report configuration", async ({ page }, testInfo) => {
  const address = `e2e-${withJs(testInfo) ? "js" : "nojs"}-${Date.now()}@fjordkaffe.no`;
  await signInWithCode(page, testInfo, "admin@partner.example", `/accounts/${AID}/report-configurations`);
  await open(page, `/accounts/${AID}/report-configurations`);
  await expect(page.getByRole("heading", { level: 1, name: "Report configurations" })).toBeVisible();
  await page.getByRole("link", { name: "New configuration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New configuration" })).toBeVisible();
  await hydrated(page, testInfo);

  // A wrong address is refused at its field, and what was typed stays.
  let form = page.getByRole("form", { name: "New configuration" });
  await form.getByLabel("CSV", { exact: true }).check();
  await form.getByLabel("More e-mail addresses (one per line)").fill("regnskap.fjordkaffe.no");
  await form.getByRole("button", { name: "Create configuration" }).click();
  form = page.getByRole("form", { name: "New configuration" });
  await expect(form.getByText("Write each address as name@domain.no, one per line.")).toBeVisible();
  await expect(form.getByLabel("More e-mail addresses (one per line)")).toHaveValue("regnskap.fjordkaffe.no");
  await expect(form.getByLabel("CSV", { exact: true })).toBeChecked();
  expect((await emulatorConfigs(AID)).some((c) => c.destinations.some((d) => d.destination_value === address))).toBe(
    false,
  );

  // Corrected: created once, listed with what was chosen, and Dintero has it so.
  await hydrated(page, testInfo);
  await form.getByLabel("More e-mail addresses (one per line)").fill(address);
  await form.getByLabel("Vipps", { exact: true }).check();
  await form.getByLabel("Only these sellers (payout destination ids, separated by commas)").fill("PD001");
  await form.getByRole("button", { name: "Create configuration" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${AID}/report-configurations\\?created=[0-9a-f-]+`));
  await expect(page.getByText("The report configuration was created.")).toBeVisible();
  const id = new URL(page.url()).searchParams.get("created") ?? "";
  const row = page.locator(`tr[data-config="${id}"]`);
  await expect(row).toContainText(address);
  await expect(row).toContainText("PDF, CSV");
  await expect(row).toContainText("Vipps");
  await expect(row).toContainText("PD001");
  await expect(row).toContainText(/CES?T/);

  const created = (await emulatorConfigs(AID)).find((c) => c.id === id);
  expect(created).toBeDefined();
  expect(created?.filetypes).toEqual(["pdf", "csv"]);
  expect(created?.providers).toEqual(["vipps"]);
  expect(created?.filters).toEqual([{ filter: "payout_destination_id", value: "PD001" }]);
  expect(created?.destinations.map((d) => d.destination_value ?? d.destination_type)).toEqual([
    "account_email",
    address,
  ]);

  // Deleting asks for the ticked box first, then deletes it, at Dintero too.
  await row.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit report configuration" })).toBeVisible();
  await hydrated(page, testInfo);
  let remove = page.getByRole("form", { name: "Delete this configuration" });
  await remove.getByRole("button", { name: "Delete configuration" }).click();
  remove = page.getByRole("form", { name: "Delete this configuration" });
  await expect(remove.getByText("Tick the box to confirm the deletion.")).toBeVisible();
  expect((await emulatorConfigs(AID)).some((c) => c.id === id)).toBe(true);
  await hydrated(page, testInfo);
  await remove.getByLabel(/Yes, delete this configuration/).check();
  await remove.getByRole("button", { name: "Delete configuration" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${AID}/report-configurations\\?deleted=`));
  await expect(page.getByText("The report configuration was deleted.")).toBeVisible();
  await expect(page.locator(`tr[data-config="${id}"]`)).toHaveCount(0);
  expect((await emulatorConfigs(AID)).some((c) => c.id === id)).toBe(false);
});

test("finance reads report configurations but is not offered to change them", async ({ page }, testInfo) => {
  // Every fourth merchant of the demo world has configurations; T11200001 has two.
  const expected = await emulatorConfigs("T11200001");
  expect(expected.length).toBeGreaterThan(0);
  await signIn(page, testInfo, "finance@partner.example", "/accounts/T11200001/report-configurations");
  await open(page, "/accounts/T11200001/report-configurations");
  const rows = page.getByTestId("configs").locator("tbody tr");
  await expect(rows).toHaveCount(expected.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-config")))).toEqual(
    expected.map((c) => c.id),
  );
  await expect(page.getByRole("link", { name: "New configuration" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
});
