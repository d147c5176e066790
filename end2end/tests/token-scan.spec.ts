// Runs after the `js` and `no-js` projects (playwright.config.ts): no secret the emulator issued (a
// Dintero access token, refresh token, MFA token or code, or an API client's secret) may appear in
// anything the browser received or sent (recorded by fixtures.ts: URLs, headers, cookies, bodies),
// in the server's log, or in the built site (target/site/pkg: the JS, wasm and CSS it serves).
//
// This spec imports Playwright's own `test`, not ./fixtures: its own traffic (the control plane's
// list of secrets) must not be recorded with the rest.
import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { EMULATOR_URL, SERVER_LOG } from "../playwright.config";
import { RESPONSES_DIR } from "./fixtures";

type Secret = { kind: string; value: string };
type Finding = { file: string; kind: string };

const END2END = path.join(__dirname, "..");
const SITE_PKG = path.join(END2END, "..", "target", "site", "pkg");

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

/** The kinds of the secrets found in `content`, once each; never the values. */
export function secretKindsIn(content: Buffer, secrets: Secret[]): string[] {
  const kinds = secrets.filter((s) => content.includes(s.value)).map((s) => s.kind);
  return [...new Set(kinds)];
}

/** Every (file, kind) where a secret occurs. */
function scan(files: string[], secrets: Secret[]): Finding[] {
  return files.flatMap((file) =>
    secretKindsIn(fs.readFileSync(file), secrets).map((kind) => ({ file: path.relative(END2END, file), kind })),
  );
}

async function issuedSecrets(): Promise<Secret[]> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/issued-secrets`);
  expect(response.ok, "the emulator's control plane answers").toBe(true);
  const body = (await response.json()) as { secrets: Secret[] };
  return body.secrets;
}

function count(secrets: Secret[], kind: string): number {
  return secrets.filter((s) => s.kind === kind).length;
}

test("the scanner finds a secret planted in a page", async () => {
  const planted: Secret = { kind: "access_token", value: "eyJhbGciOiJIUzI1NiJ9.planted.c2lnbmF0dXJl" };
  const other: Secret = { kind: "refresh_token", value: "rt_notplantedanywhere" };
  const page = Buffer.from(`<html><body><input type="hidden" value="${planted.value}"></body></html>`);
  expect(secretKindsIn(page, [planted, other])).toEqual(["access_token"]);
  expect(secretKindsIn(Buffer.from("<html>nothing here</html>"), [planted, other])).toEqual([]);

  // And one the emulator really issued, in a binary body.
  const real = (await issuedSecrets()).find((s) => s.kind === "mfa_token");
  expect(real, "an MFA token was issued").toBeDefined();
  const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 0xff]), Buffer.from(real!.value), Buffer.from([0])]);
  expect(secretKindsIn(wasm, [real!])).toEqual(["mfa_token"]);
});

test("no issued secret appears in any response, request, cookie, log line or served file", async () => {
  const secrets = await issuedSecrets();
  // The specs signed people in (the admin with a second factor), so there is something to look for.
  expect(count(secrets, "access_token"), "access tokens issued").toBeGreaterThan(0);
  expect(count(secrets, "mfa_token"), "MFA tokens issued").toBeGreaterThan(0);
  expect(count(secrets, "client_secret"), "the API client's secret").toBeGreaterThan(0);
  // The demo API client may hold refresh tokens, so each sign-in issued one.
  expect(count(secrets, "refresh_token"), "refresh tokens issued").toBeGreaterThan(0);
  test.info().annotations.push({
    type: "secrets",
    description: ["access_token", "refresh_token", "mfa_token", "oob_code", "client_secret"]
      .map((kind) => `${count(secrets, kind)} ${kind}`)
      .join(", "),
  });

  // What is scanned must be there, or a broken recording would pass.
  const recorded = filesUnder(RESPONSES_DIR);
  for (const project of ["js", "no-js"]) {
    expect(
      recorded.some((f) => path.relative(RESPONSES_DIR, f).startsWith(`${project}-`)),
      `traffic recorded for ${project}`,
    ).toBe(true);
  }
  const traffic = recorded.filter((f) => f.endsWith("traffic.jsonl")).map((f) => fs.readFileSync(f, "utf8"));
  expect(traffic.some((t) => t.includes('"type":"response"') && t.includes("set-cookie")), "Set-Cookie recorded").toBe(
    true,
  );
  expect(traffic.some((t) => /\/pkg\/[^"]*\.wasm/.test(t)), "the wasm was fetched and recorded").toBe(true);
  const bodies = recorded.filter((f) => f.endsWith(".body"));
  expect(
    bodies.some((f) => fs.readFileSync(f).includes("<title>")),
    "page bodies recorded",
  ).toBe(true);
  expect(
    recorded.some((f) => f.endsWith("cookies.json") && fs.readFileSync(f, "utf8").includes('"name"')),
    "cookies recorded",
  ).toBe(true);
  const serverLog = path.join(END2END, SERVER_LOG);
  expect(fs.readFileSync(serverLog, "utf8"), "the server log holds its request spans").toContain("/login");
  const site = filesUnder(SITE_PKG);
  expect(site.some((f) => f.endsWith(".wasm")) && site.some((f) => f.endsWith(".js")), "the built site").toBe(true);

  const findings = scan([...recorded, serverLog, ...site], secrets);
  expect(findings, "files holding an issued secret (file and kind; the value is not shown)").toEqual([]);
});
