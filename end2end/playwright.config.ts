import { defineConfig } from "@playwright/test";

// An unusual loopback port, so another program on the usual ports cannot answer for the app
// (every spec also checks the page title).
export const PORT = Number(process.env.E2E_PORT ?? 39173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// The built-in emulator on a fixed port beside it, so the token scan can ask its control plane what
// it issued.
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 39174);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
// Everything the server prints (stdout and stderr); the traffic is recorded by tests/fixtures.ts.
export const SERVER_LOG = ".artifacts/server.log";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL: BASE_URL, trace: "off", screenshot: "only-on-failure" },
  // Every spec runs twice: with JavaScript (hydrated) and without (plain HTML forms). Then the token
  // scan looks through all they recorded and the server's log for the secrets the emulator issued.
  projects: [
    { name: "js", testIgnore: /token-scan\.spec\.ts/, use: { ...chromium, javaScriptEnabled: true } },
    { name: "no-js", testIgnore: /token-scan\.spec\.ts/, use: { ...chromium, javaScriptEnabled: false } },
    { name: "token-scan", testMatch: /token-scan\.spec\.ts/, dependencies: ["js", "no-js"] },
  ],
  // The release build, on the built-in emulator; Playwright waits for /healthz. Everything it prints
  // goes to SERVER_LOG, at debug level so the token scan reads as much as an operator could turn on;
  // the console shows the lines above debug, as before. At the end Playwright kills the command's
  // whole process group: the server, tee and grep.
  webServer: {
    command: [
      "mkdir -p end2end/.artifacts &&",
      `./target/release/server 2>&1 | tee end2end/${SERVER_LOG} | grep --line-buffered -v " DEBUG "`,
    ].join(" "),
    cwd: "..",
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      LEPTOS_SITE_ROOT: "target/site",
      BACKOFFICE_EMULATOR_ADDR: `127.0.0.1:${EMULATOR_PORT}`,
      RUST_LOG: "debug",
      NO_COLOR: "1",
    },
  },
});
