import { expect, test } from "./fixtures";
import { emulatorAccountIds, emulatorSettlements, hydrated, signIn, withJs } from "./helpers";

// Oslo days 2025-12-01 .. 2026-05-31 as Dintero's settled_at bounds.
const PERIOD = "settled_from=2025-12-01&settled_to=2026-05-31";
const BOUNDS = "created_at.gte=2025-11-30T23:00:00.000Z&created_at.lte=2026-05-31T21:59:59.999Z";
const GAP_PERIOD = "settled_from=2026-08-01&settled_to=2026-11-20";
const GAP_BOUNDS = "created_at.gte=2026-07-31T22:00:00.000Z&created_at.lte=2026-11-20T22:59:59.999Z";

test("portfolio settlements: totals per provider, the monthly chart and the gaps agree with the emulator", async ({ page }, testInfo) => {
  const chosen = (await emulatorAccountIds("")).slice(1, 5);
  await signIn(page, testInfo, "finance@partner.example", "/settlements");
  await expect(page.getByRole("heading", { level: 1, name: "Settlements across the portfolio" })).toBeVisible();
  await hydrated(page, testInfo);

  // The chosen merchants and the period, through the form.
  const filters = page.getByRole("form", { name: "Settlement filters" });
  await filters.getByLabel("Settled from (day)").fill("2025-12-01");
  await filters.getByLabel("Settled to (day)").fill("2026-05-31");
  await filters.getByLabel(/Only these merchants/).fill(chosen.join(", "));
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/merchants=/);
  await expect(page.getByTestId("portfolio-read")).toContainText(`${chosen.length} merchants read`);

  // What the emulator has for them, summed the same way.
  const expected = new Map<string, { count: number; amount: number }>();
  const months = new Map<string, number>();
  const settledProviders = new Map<string, Set<string>>();
  for (const aid of chosen) {
    const items = await emulatorSettlements(aid, BOUNDS);
    settledProviders.set(aid, new Set(items.map((s) => s.provider)));
    for (const s of items) {
      for (const a of s.amounts) {
        const key = `${s.provider}/${a.currency}`;
        const total = expected.get(key) ?? { count: 0, amount: 0 };
        expected.set(key, { count: total.count + 1, amount: total.amount + a.amount });
        months.set(a.currency, (months.get(a.currency) ?? 0) + a.amount);
      }
    }
  }
  expect(expected.size).toBeGreaterThan(0);
  const rows = page.getByTestId("portfolio-totals").locator("tbody tr");
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      key: `${tr.getAttribute("data-provider")}/${tr.getAttribute("data-currency")}`,
      count: Number(tr.getAttribute("data-count")),
      amount: Number(tr.getAttribute("data-amount")),
    })),
  );
  expect(new Map(shown.map((r) => [r.key, { count: r.count, amount: r.amount }]))).toEqual(expected);

  // One chart per currency, drawn in the HTML, its bars adding up to the totals.
  for (const [currency, amount] of months) {
    const chart = page.locator(`[data-testid="month-chart"][data-currency="${currency}"]`);
    await expect(chart.locator("svg[role=img]")).toBeVisible();
    const bars = await chart.locator("g[data-month]").evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-amount"))));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(amount);
  }

  // The whole portfolio since August (the emulator's "now" is 2026-11-20, and about one connection
  // in nine has settled nothing for 120 days): the gaps are real.
  await page.goto(`/settlements?${GAP_PERIOD}`);
  const gaps = page.getByTestId("portfolio-gaps").locator("tbody tr");
  await expect(gaps.first()).toBeVisible();
  const listed = await gaps.evaluateAll((trs) =>
    trs.map((tr) => ({ aid: tr.getAttribute("data-merchant")!, provider: tr.getAttribute("data-provider")! })),
  );
  for (const { aid, provider } of listed.slice(0, 5)) {
    const items = await emulatorSettlements(aid, `${GAP_BOUNDS}&payment_provider=${provider}`);
    expect(items, `${aid} has no ${provider} settlement in the period`).toEqual([]);
  }
  // A gap links to that merchant's settlements for the provider and period: none there.
  const first = listed[0];
  await gaps.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${first.aid}/settlements\\?.*payment_provider=${first.provider}`));
  await expect(page.getByTestId("no-settlements")).toBeVisible();

  // A wrong merchant id is refused at its field, the text kept.
  await page.goto(`/settlements?merchants=T112%2Cnope`);
  await expect(page.getByRole("heading", { level: 1, name: "Settlements across the portfolio" })).toBeVisible();
  const field = page.getByLabel(/Only these merchants/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  if (!withJs(testInfo)) await expect(field).toHaveAttribute("value", "T112,nope");
});
