import { expect, test } from "./fixtures";
import { emulatorAccountIds, emulatorAccounts, hydrated, signIn, signInWithCode, withJs } from "./helpers";

test("the catalogue: filter by type and id, read a package's prices and the merchants on it", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "manager@partner.example", "/price-packages");
  await expect(page.getByRole("heading", { level: 1, name: "Price packages" })).toBeVisible();
  // Looking is for everyone who sees merchants; creating is not for the account manager.
  await expect(page.getByRole("link", { name: "New price package" })).toHaveCount(0);

  await hydrated(page, testInfo);
  const filters = page.getByRole("form", { name: "Price package filters" });
  await filters.getByLabel("Partner package").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=default/);
  const types = await page.getByTestId("packages").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) expect(type).toContain("Partner package");

  await hydrated(page, testInfo);
  await page.getByRole("form", { name: "Price package filters" }).getByLabel("Package id").fill("NORDLYS_STANDARD");
  await page.getByRole("form", { name: "Price package filters" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/price_package_id=NORDLYS_STANDARD/);
  await expect(page.getByTestId("packages").locator("tbody tr")).toHaveCount(1);
  await hydrated(page, testInfo);
  await page.locator('tr[data-package="NORDLYS_STANDARD"] a').first().click();
  await expect(page).toHaveURL(/\/price-packages\/NORDLYS_STANDARD$/);

  // Prices read as Nordic money and percentages.
  const prices = page.getByTestId("price-package");
  await expect(prices).toContainText("NOK");
  await expect(prices).toContainText(/\d+,\d+\s%/);
  // The merchants on it are exactly Dintero's.
  const expected = (await emulatorAccounts(""))
    .filter((account) => account.price_package === "NORDLYS_STANDARD")
    .map((account) => account.account_id);
  expect(expected.length).toBeGreaterThan(0);
  const merchants = page.getByTestId("package-merchants");
  await expect(merchants.locator("li")).toHaveCount(expected.length);
  const shown = await merchants.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-account")));
  expect(shown.sort()).toEqual([...expected].sort());
  await expect(page.getByRole("button", { name: "Save the package" })).toHaveCount(0);
});

test("an admin creates a package, corrects a wrong rate, assigns it to a merchant and edits it", async ({ page }, testInfo) => {
  const id = `E2E_${withJs(testInfo) ? "JS" : "NOJS"}_${Date.now()}`;
  await signInWithCode(page, testInfo, "admin@partner.example", "/price-packages/new");
  await expect(page.getByRole("heading", { level: 1, name: "New price package" })).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByLabel("Package id").fill(id);
  await page.getByLabel("Name", { exact: true }).fill("Nordlys e2e");
  await page.getByLabel("Description").fill("Cards for small shops");
  await page.getByLabel("Product 1").fill("checkout.capture.card");
  await page.getByLabel("Currency 1").fill("NOK");
  await page.getByLabel("Fixed fee (kr) 1").fill("1,80");
  await page.getByLabel("Rate (%) 1").fill("2,4,5");
  await page.getByRole("button", { name: "Create the package" }).click();

  // The wrong rate is named, and what was typed is still there.
  await expect(page.getByText("Type a percentage between 0 and 100, like 2,4.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Nordlys e2e");
  await expect(page.getByLabel("Fixed fee (kr) 1")).toHaveValue("1,80");
  await hydrated(page, testInfo);
  await page.getByLabel("Rate (%) 1").fill("2,4");
  await page.getByRole("button", { name: "Create the package" }).click();

  await expect(page).toHaveURL(new RegExp(`/price-packages/${id}\\?saved=1`));
  await expect(page.getByText("The price package is saved.")).toBeVisible();
  await expect(page.getByTestId("price-package")).toContainText(/1,80\sNOK \+ 2,4\s%/);
  await expect(page.getByTestId("package-merchants")).toContainText("No merchant uses this package.");

  // Assign it to a merchant: the merchant is listed on it, and its page shows it.
  const aid = (await emulatorAccountIds(""))[withJs(testInfo) ? 7 : 8];
  await hydrated(page, testInfo);
  await page.getByLabel("Merchant account id").fill("not-an-id");
  await page.getByRole("button", { name: "Use this package" }).click();
  await expect(page.getByText("Type a merchant account id, like P11200001.")).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByLabel("Merchant account id").fill(aid);
  await page.getByRole("button", { name: "Use this package" }).click();
  await expect(page.getByTestId("package-merchants").locator(`li[data-account="${aid}"]`)).toBeVisible();
  const assigned = (await emulatorAccounts("")).find((account) => account.account_id === aid);
  expect(assigned?.price_package).toBe(id);

  // Edit: a new rate, and a second price in SEK.
  await hydrated(page, testInfo);
  await page.getByText("Edit this package").click();
  await page.getByLabel("Rate (%) 1").fill("2,9");
  await page.getByLabel("Product 2").fill("checkout.capture.card");
  await page.getByLabel("Currency 2").fill("SEK");
  await page.getByLabel("Fixed fee (kr) 2").fill("2");
  await page.getByRole("button", { name: "Save the package" }).click();
  await expect(page.getByTestId("price-package")).toContainText(/1,80\sNOK \+ 2,9\s%/);
  await expect(page.getByTestId("price-package")).toContainText(/2,00\sSEK/);
});
