import { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { hydrated, signIn, signInWithCode, withJs } from "./helpers";

const AID = "T11200003";

/** A seller id no run has used: the project, and the time. */
function sellerId(testInfo: TestInfo, what: string): string {
  return `e2e-${what}-${withJs(testInfo) ? "js" : "nojs"}-${Date.now()}`;
}

/** Fills the new-seller form for a Norwegian company; `iban` goes in as an IBAN. */
async function fillSeller(page: Page, id: string, iban: string, description: string) {
  const form = page.getByRole("form", { name: "New seller approval" });
  await form.getByLabel("Country", { exact: true }).selectOption("NO");
  await form.getByLabel("Organisation number").fill("923 609 016");
  await form.getByLabel("Seller id (payout destination)").fill(id);
  await form.getByLabel("Seller name").fill("Fjord Kaffe Brygga");
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Account number type").selectOption("IBAN");
  await form.getByLabel("Account number", { exact: true }).fill(iban);
  await form.getByLabel("Bank's country").selectOption("NO");
  await form.getByLabel("Bank name").fill("DNB");
  await form.getByLabel("BIC (SWIFT)").fill("DNBANOKKXXX");
  await form.getByLabel("Account currency").selectOption("NOK");
  await form.getByLabel("Payout currency").selectOption("NOK");
  await form.getByLabel("Payout reference").fill("Fjord Kaffe");
  await form.getByLabel("Payout interval").selectOption("weekly");
  await form.getByLabel("Name", { exact: true }).fill("Kari Fjord");
  await form.getByLabel("Title").fill("Daglig leder");
  await form.getByLabel("E-mail").fill("kari@fjordkaffe.no");
  return form;
}

test("a seller approval created with AUTO_APPROVE in its description shows ACTIVE", async ({ page }, testInfo) => {
  const id = sellerId(testInfo, "auto");
  await signIn(page, testInfo, "onboarding@partner.example", `/accounts/${AID}/sellers/new`);
  await expect(page.getByRole("heading", { level: 1, name: "New seller approval" })).toBeVisible();
  await hydrated(page, testInfo);
  const form = await fillSeller(page, id, "NO93 8601 1117 947", "Kafé på brygga AUTO_APPROVE");
  await form.getByRole("button", { name: "Send the application" }).click();

  await expect(page).toHaveURL(new RegExp(`/accounts/${AID}/sellers/[0-9a-f-]+\\?created=1`));
  await expect(page.getByText("The seller approval was sent to Dintero.")).toBeVisible();
  const facts = page.getByTestId("seller");
  await expect(facts.locator('[data-status="ACTIVE"]')).toHaveText("Active");
  await expect(facts).toContainText(id);
  await expect(page.getByTestId("bank-accounts")).toContainText("NO9386011117947");
  // The onboarding person's Dintero user may apply, but not archive.
  await expect(page.getByTestId("may-not-archive")).toBeVisible();

  // The merchant's list, filtered by Dintero's status in the URL, has it.
  await page.goto(`/accounts/${AID}/sellers?case_status=ACTIVE`);
  const row = page.locator(`tr[data-seller="${id}"]`);
  await expect(row.locator('[data-status="ACTIVE"]')).toBeVisible();
  await expect(row).toContainText(/CES?T/);
  await expect(row.getByRole("link", { name: "Signed contract" })).toBeVisible();
  await page.goto(`/accounts/${AID}/sellers?case_status=DECLINED`);
  await expect(page.locator(`tr[data-seller="${id}"]`)).toHaveCount(0);

  // The same through the filter form (the router lowercases a form's action; the page copes).
  await hydrated(page, testInfo);
  const filters = page.getByRole("form", { name: "Seller filters" });
  await filters.getByLabel("Declined").uncheck();
  await filters.getByLabel("Active").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/case_status=ACTIVE/);
  await expect(page.locator(`tr[data-seller="${id}"]`).locator('[data-status="ACTIVE"]')).toBeVisible();
});

test("an invalid IBAN is refused with the field marked and the form kept", async ({ page }, testInfo) => {
  const id = sellerId(testInfo, "iban");
  await signIn(page, testInfo, "onboarding@partner.example", `/accounts/${AID}/sellers/new`);
  await hydrated(page, testInfo);
  const form = await fillSeller(page, id, "NO93 8601 1117 948", "Kafé");
  await form.getByRole("button", { name: "Send the application" }).click();

  const refused = page.getByRole("form", { name: "New seller approval" });
  const number = refused.getByLabel("Account number", { exact: true });
  await expect(refused.getByText("This is not a valid IBAN")).toBeVisible();
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expect(number).toHaveValue("NO93 8601 1117 948");
  await expect(refused.getByLabel("Seller id (payout destination)")).toHaveValue(id);
  await expect(refused.getByLabel("Seller name")).toHaveValue("Fjord Kaffe Brygga");
  await expect(refused.getByLabel("Account number type")).toHaveValue("IBAN");
  await expect(refused.getByLabel("E-mail")).toHaveValue("kari@fjordkaffe.no");
  await expect(refused.getByLabel("Seller name")).toHaveAttribute("aria-invalid", "false");

  // Corrected, it goes through.
  await hydrated(page, testInfo);
  await refused.getByLabel("Account number", { exact: true }).fill("NO93 8601 1117 947");
  await refused.getByRole("button", { name: "Send the application" }).click();
  await expect(page).toHaveURL(/\?created=1/);
  await expect(page.getByTestId("seller").locator('[data-status="WAITING_FOR_DECLARATION"]')).toBeVisible();
  await expect(page.getByRole("link", { name: "Declaration form" })).toBeVisible();
});

test("an active seller is archived only after the confirmation that names it", async ({ page }, testInfo) => {
  const id = sellerId(testInfo, "archive");
  await signInWithCode(page, testInfo, "admin@partner.example", `/accounts/${AID}/sellers/new`);
  await hydrated(page, testInfo);
  const form = await fillSeller(page, id, "NO9386011117947", "AUTO_APPROVE");
  await form.getByRole("button", { name: "Send the application" }).click();
  await expect(page.getByTestId("seller").locator('[data-status="ACTIVE"]')).toBeVisible();

  const archive = page.getByRole("form", { name: "Archive" });
  await expect(page.getByTestId("archive-warning")).toContainText("Fjord Kaffe Brygga");
  await expect(page.getByTestId("archive-warning")).toContainText("stops its payouts");
  await hydrated(page, testInfo);
  await archive.getByRole("button", { name: "Archive the approval" }).click();
  await expect(page.getByText("Tick the box to confirm that the seller's payouts stop.")).toBeVisible();
  await expect(page.getByTestId("seller").locator('[data-status="ACTIVE"]')).toBeVisible();

  await hydrated(page, testInfo);
  await page.getByRole("checkbox", { name: /archiving stops the payouts to Fjord Kaffe Brygga/ }).check();
  await page.getByRole("form", { name: "Archive" }).getByRole("button", { name: "Archive the approval" }).click();
  await expect(page).toHaveURL(/\?archived=1/);
  await expect(page.getByText("The seller approval is archived.")).toBeVisible();
  await expect(page.getByTestId("seller").locator('[data-status="ARCHIVED"]')).toBeVisible();
  await expect(page.getByRole("button", { name: "Archive the approval" })).toHaveCount(0);

  // Archived approvals are listed only when asked for.
  await page.goto(`/accounts/${AID}/sellers`);
  await expect(page.locator(`tr[data-seller="${id}"]`)).toHaveCount(0);
  await page.goto(`/accounts/${AID}/sellers?case_status=ARCHIVED`);
  await expect(page.locator(`tr[data-seller="${id}"] [data-status="ARCHIVED"]`)).toBeVisible();
});

test("a CDD case and a payment approval created on the approvals page are listed there", async ({ page }, testInfo) => {
  const id = sellerId(testInfo, "cdd");
  await signInWithCode(page, testInfo, "admin@partner.example", `/accounts/${AID}/approvals`);
  await expect(page.getByRole("heading", { level: 1, name: "Payment approvals and due diligence" })).toBeVisible();
  await hydrated(page, testInfo);

  await page.getByText("Open a due-diligence case").click();
  const cdd = page.getByRole("form", { name: "Open a due-diligence case" });
  await cdd.getByLabel("Country", { exact: true }).selectOption("NO");
  await cdd.getByLabel("Organisation number").fill("923609016");
  await cdd.getByLabel("Anti-money laundering (AML)").check();
  await cdd.getByLabel("For seller id (optional)").fill(id);
  await cdd.getByRole("button", { name: "Open the case" }).click();
  await expect(page).toHaveURL(/created=/);
  const caseRow = page.getByTestId("cdd-cases").locator("tbody tr", { hasText: id });
  await expect(caseRow.locator('[data-status="WAITING_FOR_DECLARATION"]')).toBeVisible();
  await expect(caseRow).toContainText("KYC, AML");
  const caseId = await caseRow.getAttribute("id");
  expect(new URL(page.url()).searchParams.get("created")).toBe(caseId);

  const before = await page.getByTestId("payment-approvals").locator("tbody tr").count();
  await hydrated(page, testInfo);
  await page.getByText("Apply for payments").click();
  const payment = page.getByRole("form", { name: "Apply for payments" });
  await payment.getByLabel("Country", { exact: true }).selectOption("NO");
  await payment.getByLabel("Organisation number").fill("923609016");
  await payment.getByLabel("Account currency").selectOption("NOK");
  await payment.getByLabel("Payout currency").selectOption("NOK");
  await payment.getByLabel("Account number type").selectOption("BBAN");
  await payment.getByLabel("Account number", { exact: true }).fill("8601.11.17947");
  await payment.getByLabel("Bank's country").selectOption("NO");
  await payment.getByLabel("In-person payments").check();
  await payment.getByRole("button", { name: "Send the payment application" }).click();
  // The URL already names the case created above: wait until it names the new approval.
  const createdNow = () => new URL(page.url()).searchParams.get("created");
  await expect.poll(createdNow).not.toBe(caseId);
  const created = createdNow() ?? "";
  const rows = page.getByTestId("payment-approvals").locator("tbody tr");
  await expect(rows).toHaveCount(before + 1);
  const paymentRow = page.locator(`tr[id="${created}"]`);
  await expect(paymentRow.locator('[data-status="WAITING_FOR_DECLARATION"]')).toBeVisible();
  await expect(paymentRow).toContainText("creditcard, ipp");
  await expect(paymentRow).toContainText("86011117947");
});
