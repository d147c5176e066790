import { expect, Page, TestInfo } from "@playwright/test";

export const PASSWORD = "demo-password";

/** True in the project that runs with JavaScript on. */
export function withJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Opens `path` and checks that it is this app answering (another program may hold a port). */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveTitle(/Partner Back-office/);
}

/**
 * Waits until the page's islands run (each marks its root `data-live` once hydrated), so clicks
 * and typing reach their handlers. Pages are server-rendered HTML otherwise; no-op without JS.
 */
export async function hydrated(page: Page, testInfo: TestInfo) {
  if (withJs(testInfo)) {
    await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    await expect(page.locator("leptos-island:not(:has([data-live]))")).toHaveCount(0);
  }
}

/** Signs in through the form and waits for the overview. */
export async function signIn(page: Page, testInfo: TestInfo, email: string, next = "/") {
  await open(page, `/login?next=${encodeURIComponent(next)}`);
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

export type EmulatorAccount = { account_id: string; paging_token?: string; price_package?: string };

/** The merchant ids Dintero (the emulator) lists for `query` (e.g. `connection=vipps`), in order,
 * read straight from its API with the demo client, paging to the end. */
export async function emulatorAccountIds(query: string): Promise<string[]> {
  return (await emulatorAccounts(query)).map((account) => account.account_id);
}

/** A token of the demo client on the demo partner, straight from the emulator. */
async function demoClientToken(): Promise<{ EMULATOR_URL: string; partner: string; access_token: string }> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const partner = "T11200000";
  const tokenResponse = await fetch(`${EMULATOR_URL}/v1/accounts/${partner}/auth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("demo-client:demo-secret").toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ grant_type: "client_credentials", audience: `${EMULATOR_URL}/v1/accounts/${partner}` }),
  });
  expect(tokenResponse.ok).toBe(true);
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  return { EMULATOR_URL, partner, access_token };
}

export type EmulatorUser = { id: string; email: string; name?: string; scope: string[] };

/** The partner's users as Dintero (the emulator) lists them. */
export async function emulatorTeam(): Promise<EmulatorUser[]> {
  const { EMULATOR_URL, partner, access_token } = await demoClientToken();
  const response = await fetch(`${EMULATOR_URL}/v1/accounts/${partner}/management/users`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as EmulatorUser[];
}

/** The merchants Dintero (the emulator) lists for `query`, as its API returns them, in order. */
export async function emulatorAccounts(query: string): Promise<EmulatorAccount[]> {
  const { EMULATOR_URL, partner, access_token } = await demoClientToken();
  const accounts: EmulatorAccount[] = [];
  let after = "";
  for (;;) {
    const paging = `limit=100${after ? `&starting_after=${encodeURIComponent(after)}` : ""}`;
    const url = `${EMULATOR_URL}/v1/accounts/${partner}/management/accounts?${query ? `${query}&` : ""}${paging}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${access_token}` } });
    expect(response.ok).toBe(true);
    const items = (await response.json()) as EmulatorAccount[];
    accounts.push(...items);
    if (items.length < 100) return accounts;
    after = items[items.length - 1].paging_token ?? "";
  }
}

/** Signs in a person whose Dintero user needs a one-time code (the admin), reading the code from
 * the sandbox inbox in a second tab. */
export async function signInWithCode(page: Page, testInfo: TestInfo, email: string, next = "/") {
  await open(page, `/login?next=${encodeURIComponent(next)}`);
  await hydrated(page, testInfo);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/code/);
  await hydrated(page, testInfo);
  await page.getByLabel("SMS to my phone").check();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByTestId("code-sent")).toBeVisible();
  const inbox = await page.context().newPage();
  await inbox.goto("/sandbox/inbox");
  const code = (await inbox.getByTestId("sandbox-messages").locator("li code").first().textContent())?.trim() ?? "";
  await inbox.close();
  await hydrated(page, testInfo);
  await page.getByLabel("One-time code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}


/** A Dintero token on `aid` for the finance person (password grant with the app's client, then
 * the exchange), straight from the emulator. */
export async function financeToken(aid: string): Promise<string> {
  const { EMULATOR_URL } = await import("../playwright.config");
  const audience = `${EMULATOR_URL}/v1/accounts/T11200000`;
  const basic = `Basic ${Buffer.from("demo-client:demo-secret").toString("base64")}`;
  const post = async (path: string, authorization: string, body: object) => {
    const response = await fetch(`${EMULATOR_URL}/v1/accounts/T11200000/auth/${path}`, {
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

export type Settlement = {
  id: string;
  provider: string;
  settled_at: string;
  attachments: { id: string }[];
  amounts: { amount: number; capture: number; refund: number; fee: number; currency: string }[];
};

/** The emulator's settlements of `aid` for `query` (every page). */
export async function emulatorSettlements(aid: string, query: string): Promise<Settlement[]> {
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
