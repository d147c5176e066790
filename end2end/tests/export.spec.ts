import * as fs from "node:fs";
import { EMULATOR_URL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { emulatorAccountIds, hydrated, signIn, withJs } from "./helpers";

/** The fields of one CSV line (`;`-separated, `"` quoting as Excel writes it). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ";") {
      out.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

test("export a filtered portfolio as CSV: progress, a reload, the download holds exactly Dintero's matches", async ({ page }, testInfo) => {
  const filter = "connection=vipps&connection_status=enabled";
  await signIn(page, testInfo, "manager@partner.example", `/accounts?${filter}`);
  await expect(page.getByRole("heading", { level: 1, name: "Merchants" })).toBeVisible();
  await hydrated(page, testInfo);

  // Dintero answers the export's page slowly, so its progress can be seen.
  const fault = await fetch(`${EMULATOR_URL}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      path: "/v1/accounts/*/management/accounts",
      method: "GET",
      kind: { type: "latency", ms: 3000 },
      count: 1,
    }),
  });
  expect(fault.ok).toBe(true);
  const panel = page.getByRole("form", { name: "Export" });
  await panel.getByLabel("File type").selectOption("csv");
  await panel.getByRole("button", { name: "Export all" }).click();

  await expect(page).toHaveURL(/\/accounts\/export\/[0-9a-f]{32}$/);
  const url = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "Export" })).toBeVisible();
  await expect(page.getByTestId("export-state")).toHaveText("Exporting …");
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  // The same export after a reload.
  await page.reload();
  expect(page.url()).toBe(url);
  // Without JavaScript the page reloads itself; with it, the progress island asks again in place.
  let loads = 0;
  page.on("load", () => loads++);
  if (withJs(testInfo)) {
    await hydrated(page, testInfo);
    await expect(page.locator("leptos-island [data-live] [data-testid=export]")).toBeVisible();
  }
  await expect(page.getByTestId("export-state")).toHaveText("Ready to download", { timeout: 15_000 });
  if (withJs(testInfo)) expect(loads, "the island updated the page without reloading it").toBe(0);

  const expected = await emulatorAccountIds(filter);
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId("export-rows")).toContainText(`${expected.length} merchants written`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^merchants-.*\.csv$/);
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  const lines = text.slice(1).split("\r\n").filter((l) => l.length > 0);
  expect(fields(lines[0])).toEqual([
    "Name",
    "Account id",
    "Organisation number",
    "Country",
    "Progression",
    "Account manager",
    "Connections",
    "Price package",
    "Created",
  ]);
  const rows = lines.slice(1).map(fields);
  expect(rows.map((r) => r[1])).toEqual(expected);
  for (const row of rows) {
    expect(row[6]).toContain("Vipps: enabled");
    expect(row[8]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
  }

  await page.getByRole("link", { name: "Back to the portfolio view" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts\\?${filter}$`));
});
