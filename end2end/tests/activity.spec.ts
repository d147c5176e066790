import { expect, test } from "./fixtures";
import { hydrated, open, signIn, signInWithCode } from "./helpers";

test("a change shows in the admin's activity log, filtered by merchant and exported as CSV", async ({ page }, testInfo) => {
  const aid = testInfo.project.name === "js" ? "T11200013" : "T11200014";
  const text = `Audit check ${testInfo.project.name} ${Date.now()}`;
  await signInWithCode(page, testInfo, "admin@partner.example", `/accounts/${aid}?tab=activity`);
  await hydrated(page, testInfo);
  await page.getByLabel("Comment", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByTestId("comments").locator("li").first()).toContainText(text);

  await open(page, "/activity");
  await hydrated(page, testInfo);
  await page.getByLabel("Merchant (account id)").fill(aid);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`merchant=${aid}`));
  const first = page.getByTestId("activity").locator("tbody tr").first();
  await expect(first).toContainText("admin@partner.example");
  await expect(first).toContainText("Comment");
  await expect(first).toContainText(text);
  await expect(first).toContainText(/CET|CEST/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = require("node:fs").readFileSync(file, "utf8") as string;
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("id;time;email;user_id;partner_id;merchant;action;summary;dintero_status;request_id");
  expect(csv).toContain(`admin@partner.example`);
  expect(csv).toContain(`account.comment;comment=${text}`);
});

test("people without the admin role are refused the activity log", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "manager@partner.example");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toHaveCount(0);
  await open(page, "/activity");
  await expect(page.getByTestId("forbidden")).toContainText("No access");
  const response = await page.request.get("/activity.csv");
  expect(response.status()).toBe(403);
});
