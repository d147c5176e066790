import { expect, test } from "./fixtures";
import { hydrated, signIn, withJs } from "./helpers";

const AID = "T11200002";
const PARTNER = "T11200000";

/** A Dintero token on `aid` for the finance person (password grant with the app's client, then
 * the exchange), straight from the emulator. */
async function financeToken(aid: string): Promise<string> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const audience = `${EMULATOR_URL}/v1/accounts/${PARTNER}`;
  const basic = `Basic ${Buffer.from("demo-client:demo-secret").toString("base64")}`;
  const post = async (path: string, authorization: string, body: object) => {
    const response = await fetch(`${EMULATOR_URL}/v1/accounts/${PARTNER}/auth/${path}`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const app = await post("token", basic, { grant_type: "client_credentials", audience });
  const person = await post("token", `Bearer ${app}`, {
    grant_type: "password",
    username: "finance@partner.example",
    password: "demo-password",
    audience,
  });
  return post("exchange_token", `Bearer ${person}`, { account_id: aid });
}

type Settlement = { id: string; provider: string; attachments: { id: string }[] };

/** The emulator's settlements of `aid` for `query` (every page). */
async function emulatorSettlements(aid: string, query: string): Promise<Settlement[]> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const token = await financeToken(aid);
  const response = await fetch(`${EMULATOR_URL}/v1/accounts/${aid}/settlements?limit=1000&${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.ok).toBe(true);
  const body = (await response.json()) as { items: Settlement[]; last_evaluated_key?: object };
  expect(body.last_evaluated_key).toBeUndefined();
  return body.items;
}

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
