import { expect, test } from "./fixtures";
import { hydrated, open, signIn, withJs } from "./helpers";

test("onboard a merchant through every step, correcting a wrong organisation number on the way", async ({ page }, testInfo) => {
  const name = `Fjord Kaffe ${testInfo.project.name} AS`;
  await signIn(page, testInfo, "manager@partner.example", "/accounts/new");
  await expect(page.getByRole("heading", { level: 1, name: "New merchant" })).toBeVisible();
  const again = page.getByRole("button", { name: "Onboard another merchant" });
  if (await again.isVisible()) {
    await hydrated(page, testInfo);
    await again.click();
  }
  await open(page, "/accounts/new?step=company");
  await hydrated(page, testInfo);
  const form = page.locator("form[data-step]");

  await form.getByLabel("Country").selectOption("NO");
  await form.getByLabel("Organisation number").fill("923609017");
  await form.getByLabel("Business name").fill(name);
  await form.getByLabel("Website").fill("https://fjordkaffe.example");
  await form.getByLabel("E-mail").fill("post@fjordkaffe.example");
  await form.getByLabel("Phone").fill("+47 22 33 44 55");
  await form.getByLabel("Street address").fill("Storgata 1");
  await form.getByLabel("Postal code").fill("0155");
  await form.getByLabel("Postal town").fill("Oslo");
  await form.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("This is not a valid Norwegian organisation number")).toBeVisible();
  await expect(page.getByLabel("Organisation number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Business name")).toHaveValue(name);

  await hydrated(page, testInfo);
  await page.getByLabel("Organisation number").fill("923609016");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/step=applicant/);

  await hydrated(page, testInfo);
  await page.getByLabel("First name").fill("Kari");
  await page.getByLabel("Last name").fill("Fjord");
  await page.getByLabel("E-mail").fill("kari@fjordkaffe.example");
  await page.getByLabel("Phone").fill("+47 912 34 567");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/step=billing/);

  await hydrated(page, testInfo);
  await page.getByLabel("E-mail for invoices").fill("faktura@fjordkaffe.example");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/step=package/);

  await hydrated(page, testInfo);
  await page.getByLabel("Price package").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/step=invite/);

  await hydrated(page, testInfo);
  await page.getByLabel("Name").first().fill("Ola Fjord");
  await page.getByLabel("E-mail").first().fill("ola@fjordkaffe.example");
  await page.getByLabel("Send the invitation").selectOption("yes");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/step=review/);
  await expect(page.getByTestId("review-company")).toContainText("923609016");

  await hydrated(page, testInfo);
  await page.getByRole("button", { name: "Create merchant" }).click();
  await expect(page).toHaveURL(/\/accounts\/T112\d+\?created=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  // Shown in Norway's form, whatever the language.
  await expect(page.getByTestId("merchant-overview")).toContainText("923 609 016");
});

test("with JavaScript, a field is checked as it is typed, once it has been left", async ({ page }, testInfo) => {
  test.skip(!withJs(testInfo), "the live check is the onboarding island's; without JavaScript the post checks");
  await signIn(page, testInfo, "manager@partner.example", "/accounts/new");
  const again = page.getByRole("button", { name: "Onboard another merchant" });
  if (await again.isVisible()) await again.click();
  await open(page, "/accounts/new?step=company");
  await hydrated(page, testInfo);
  const form = page.locator("form[data-step=company][data-live]");
  const org = form.getByLabel("Organisation number");
  await form.getByLabel("Country").selectOption("NO");
  await org.fill("123");
  await expect(page.getByText("This is not a valid Norwegian organisation number")).toHaveCount(0);
  await org.blur();
  await expect(page.getByText("This is not a valid Norwegian organisation number")).toBeVisible();
  await expect(org).toHaveAttribute("aria-invalid", "true");
  await org.fill("923609016");
  await expect(page.getByText("This is not a valid Norwegian organisation number")).toHaveCount(0);
  await expect(org).toHaveAttribute("aria-invalid", "false");
  await expect(page).toHaveURL(/step=company/);
});
