import { defineConfig } from "@playwright/test";

// An unusual loopback port, so another program on the usual ports cannot answer for the app
// (every spec also checks the page title).
export const PORT = Number(process.env.E2E_PORT ?? 39173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

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
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL: BASE_URL, trace: "off", screenshot: "only-on-failure" },
  // Every spec runs twice: with JavaScript (hydrated) and without (plain HTML forms).
  projects: [
    { name: "js", use: { ...chromium, javaScriptEnabled: true } },
    { name: "no-js", use: { ...chromium, javaScriptEnabled: false } },
  ],
  // The release build, on the built-in emulator; Playwright waits for /healthz.
  webServer: {
    command: "./target/release/server",
    cwd: "..",
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      LEPTOS_SITE_ROOT: "target/site",
      RUST_LOG: "info",
    },
  },
});
