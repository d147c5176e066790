import { expect, test } from "./fixtures";
import { emulatorSettlements, financeToken, hydrated, signIn, withJs, type Settlement } from "./helpers";

const AID = "T11200002";
test("one merchant's settlements filtered by provider and days are exactly the emulator's", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example", `/accounts/${AID}/settlements`);
  await expect(page.getByRole("heading", { level: 1, name: "Settlements" })).toBeVisible();
  await expect(page.getByTestId("settlements")).toBeVisible();
  // The provider of the newest settlement, over a year of days.
  const all = await emulatorSettlements(AID, "");
  const provider = all[0].provider;

  await hydrated(page, testInfo);
  const filters = page.getByRole("form", { name: "Settlement filters" });
  await filters.getByLabel("Settled from (day)").fill("2025-06-01");
  await filters.getByLabel("Settled to (day)").fill("2026-05-31");
  await filters.locator(`input[name="payment_provider"][value="${provider}"]`).check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`payment_provider=${provider}`));

  // Oslo days: from 2025-06-01 00:00 (22:00 UTC the day before) to the end of 2026-05-31.
  const expected = await emulatorSettlements(
    AID,
    `payment_provider=${provider}&created_at.gte=2025-05-31T22:00:00.000Z&created_at.lte=2026-05-31T21:59:59.999Z`,
  );
  expect(expected.length).toBeGreaterThan(0);
  const shown: string[] = [];
  for (;;) {
    const rows = page.getByTestId("settlements").locator("tbody tr");
    shown.push(...(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-settlement") ?? ""))));
    const next = page.getByRole("link", { name: "Next" });
    if ((await next.count()) === 0) break;
    const before = page.url();
    await next.click();
    await expect(page).not.toHaveURL(before);
  }
  expect(shown.sort()).toEqual(expected.map((s) => s.id).sort());
});

test("a settlement file downloads with the emulator's bytes, and a wrong day is refused at its field", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example", `/accounts/${AID}/settlements`);
  const first = page.getByTestId("settlements").locator("tbody tr").first();
  const sid = await first.getAttribute("data-settlement");
  const link = first.getByRole("link").first();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${AID}_[a-z]+_\\d{4}-\\d{2}-\\d{2}_(dintero|provider)\\.[a-z]+$`));
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const received = Buffer.concat(chunks);

  const { EMULATOR_URL } = await import("../playwright.config");
  const settlement = (await emulatorSettlements(AID, "")).find((s) => s.id === sid)!;
  const href = (await link.getAttribute("href")) ?? "";
  const attachment = settlement.attachments.find((a) => href.includes(`/attachments/${a.id}?`))!;
  const direct = await fetch(`${EMULATOR_URL}/v1/accounts/${AID}/settlements/${sid}/attachments/${attachment.id}`, {
    headers: { authorization: `Bearer ${await financeToken(AID)}` },
  });
  expect(direct.ok).toBe(true);
  expect(received.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);

  // A day written the wrong way: the field says so and keeps what was typed.
  await page.goto(`/accounts/${AID}/settlements?settled_from=31.01.2026`);
  const from = page.getByLabel("Settled from (day)");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Write the day as YYYY-MM-DD.")).toBeVisible();
  if (!withJs(testInfo)) await expect(from).toHaveAttribute("value", "31.01.2026");
});

/** The entries of a ZIP (stored or deflated entries are both read from its central directory; the
 * app writes stored ones). */
function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  expect(end).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    expect(zip.readUInt16LE(at + 10)).toBe(0); // stored
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, zip.subarray(start, start + size));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The manifest's English headings (the person's language; the tests sign in in English). */
const MANIFEST_COLUMNS: Record<string, string> = {
  "Merchant id": "merchant_id",
  Merchant: "merchant_name",
  "Settlement id": "settlement_id",
  "Attachment id": "attachment_id",
  Provider: "provider",
  Currency: "currency",
  "Amount (minor units)": "amount_minor",
  File: "file",
  Bytes: "bytes",
  Status: "status",
};

/** The manifest's rows as objects keyed by its headings (`;`-separated, a BOM first), the
 * headings the tests read named as in MANIFEST_COLUMNS. */
function manifestRows(csv: Buffer): Record<string, string>[] {
  const lines = csv.toString("utf8").replace(/^\uFEFF/, "").split("\r\n").filter((l) => l.length > 0);
  const split = (line: string) => line.split(";").map((f) => f.replace(/^"(.*)"$/, "$1"));
  const headings = split(lines[0]).map((h) => MANIFEST_COLUMNS[h] ?? h);
  expect(headings).toEqual(expect.arrayContaining(Object.values(MANIFEST_COLUMNS)));
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((f, i) => [headings[i], f])));
}

async function downloaded(download: import("@playwright/test").Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type FullSettlement = Settlement & {
  attachments: { id: string; created_by?: string }[];
  amounts: { amount: number; currency: string }[];
};

test("a bulk ZIP of a filtered view holds every file with the emulator's bytes and a manifest that matches", async ({ page }, testInfo) => {
  const all = await emulatorSettlements(AID, "");
  const provider = all[0].provider;
  const filter = `settled_from=2025-06-01&settled_to=2026-05-31&payment_provider=${provider}`;
  await signIn(page, testInfo, "finance@partner.example", `/accounts/${AID}/settlements?${filter}`);
  await expect(page.getByTestId("settlements")).toBeVisible();
  await hydrated(page, testInfo);
  const expected = (await emulatorSettlements(
    AID,
    `payment_provider=${provider}&created_at.gte=2025-05-31T22:00:00.000Z&created_at.lte=2026-05-31T21:59:59.999Z`,
  )) as FullSettlement[];
  expect(expected.length).toBeGreaterThan(0);

  const bulk = page.getByRole("form", { name: "Download as one ZIP" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    bulk.getByRole("button", { name: "Download all in this view (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${AID}_settlements_\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const entries = unzip(await downloaded(download));
  if (withJs(testInfo)) {
    await expect(page.getByTestId("zip-progress")).toContainText("The ZIP is complete.");
  }

  const rows = manifestRows(entries.get("manifest.csv")!);
  const files = expected.flatMap((s) => s.attachments.map((a) => ({ s, a })));
  expect(rows.length).toBe(files.length);
  expect(new Set(rows.map((r) => r.settlement_id))).toEqual(new Set(expected.map((s) => s.id)));
  const token = await financeToken(AID);
  const { EMULATOR_URL } = await import("../playwright.config");
  for (const { s, a } of files) {
    const row = rows.find((r) => r.attachment_id === a.id)!;
    expect(row, `the manifest lists ${s.id}/${a.id}`).toBeTruthy();
    expect(row.status).toBe("OK");
    expect(row.merchant_id).toBe(AID);
    expect(row.provider).toBe(provider);
    expect(row.currency).toBe(s.amounts[0].currency);
    expect(Number(row.amount_minor)).toBe(s.amounts[0].amount);
    const direct = await fetch(`${EMULATOR_URL}/v1/accounts/${AID}/settlements/${s.id}/attachments/${a.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await direct.arrayBuffer());
    const inZip = entries.get(row.file)!;
    expect(inZip, `the ZIP holds ${row.file}`).toBeTruthy();
    expect(inZip.equals(bytes)).toBe(true);
    expect(Number(row.bytes)).toBe(bytes.length);
  }
  expect(entries.size).toBe(files.length + 1);
});

test("a bulk ZIP of ticked settlements holds only those, and a file Dintero refuses is listed as failed", async ({ page }, testInfo) => {
  await signIn(page, testInfo, "finance@partner.example", `/accounts/${AID}/settlements`);
  await expect(page.getByTestId("settlements")).toBeVisible();
  await hydrated(page, testInfo);
  const rows = page.getByTestId("settlements").locator("tbody tr");
  const ids = [(await rows.nth(1).getAttribute("data-settlement"))!, (await rows.nth(3).getAttribute("data-settlement"))!];
  for (const id of ids) await page.locator(`input[name="settlement"][value="${id}"]`).check();
  const refusedId = ids[1];
  const { EMULATOR_URL } = await import("../playwright.config");
  // Dintero refuses the second settlement's files (every retry of them).
  const fault = await fetch(`${EMULATOR_URL}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: `/v1/accounts/${AID}/settlements/${refusedId}/attachments/*`, kind: { type: "status", status: 404 } }),
  });
  expect(fault.ok).toBe(true);
  try {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download ticked settlements (ZIP)" }).click(),
    ]);
    const entries = unzip(await downloaded(download));
    const manifest = manifestRows(entries.get("manifest.csv")!);
    expect(new Set(manifest.map((r) => r.settlement_id))).toEqual(new Set(ids));
    for (const row of manifest) {
      if (row.settlement_id === refusedId) {
        expect(row.status).toBe("Failed: Dintero answered 404");
        expect(row.file).toBe("");
      } else {
        expect(row.status).toBe("OK");
        expect(entries.has(row.file)).toBe(true);
      }
    }
    expect(entries.size).toBe(manifest.filter((r) => r.status === "OK").length + 1);
    if (withJs(testInfo)) {
      await expect(page.getByTestId("zip-progress")).toContainText("could not be fetched");
    }
  } finally {
    await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  }
});

test("a settlement file that Dintero breaks off half-way fails in the browser instead of completing short", async ({ page }, testInfo) => {
  const aid = "T11200006";
  const { EMULATOR_URL } = await import("../playwright.config");
  const made = await fetch(`${EMULATOR_URL}/__emulator/settlements/large?aid=${aid}&bytes=${8 * 1024 * 1024}`, { method: "POST" });
  expect(made.ok).toBe(true);
  const { settlement_id: sid } = (await made.json()) as { settlement_id: string; attachment_id: string };
  // Every attempt is broken off (the browser tries again by itself).
  const fault = await fetch(`${EMULATOR_URL}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: `/v1/accounts/${aid}/settlements/${sid}/attachments/*`, kind: { type: "drop", after_bytes: 4 * 1024 * 1024 } }),
  });
  expect(fault.ok).toBe(true);
  try {
    await signIn(page, testInfo, "finance@partner.example", `/accounts/${aid}/settlements?search=${sid}`);
    const row = page.locator(`tr[data-settlement="${sid}"]`);
    await expect(row).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link").first().click()]);
    expect(await download.failure()).not.toBeNull();
  } finally {
    await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  }
});
