// `test` and `expect` for every spec: the same as Playwright's, plus an automatic fixture that records
// what the browser sent and received, for the token scan (token-scan.spec.ts).
//
// Per test, a folder under .artifacts/responses/ holds `traffic.jsonl` (one line per request: method,
// URL, headers, form body; one per response: URL, status, every header including each Set-Cookie),
// one `NNN.body` file per response body as received (decompressed, bytes as they are: HTML, JSON,
// JS, wasm, CSS, images), and `cookies.json`, the browser context's cookies at the end of the test.
import { test as base, Download, Page, Request, Response } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";

export { expect } from "@playwright/test";

/** Where the recordings go; token-scan.spec.ts reads them back. */
export const RESPONSES_DIR = path.join(__dirname, "..", ".artifacts", "responses");

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

function firstLine(error: unknown): string {
  return String(error).split("\n")[0];
}

function headerList(headers: Record<string, string>): { name: string; value: string }[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

export const test = base.extend<{ recordTraffic: void }>({
  recordTraffic: [
    async ({ context }, use, testInfo) => {
      const dir = path.join(
        RESPONSES_DIR,
        `${testInfo.project.name}-${slug(testInfo.title)}-${testInfo.testId}-r${testInfo.retry}-x${testInfo.repeatEachIndex}`,
      );
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const log = path.join(dir, "traffic.jsonl");
      const append = (entry: object) => fs.appendFileSync(log, JSON.stringify(entry) + "\n");
      const pending: Promise<void>[] = [];
      // Each recording is caught at once: a page closing mid-request (the inbox tab) must not fail
      // the test with an unhandled rejection.
      const track = (work: () => Promise<void>) =>
        pending.push(work().catch((error) => append({ type: "error", error: firstLine(error) })));
      let bodies = 0;

      const onRequest = (request: Request) =>
        track(async () => {
          // The headers as sent; once the page is gone, the ones Playwright saw first.
          const headers = await request.headersArray().catch(() => headerList(request.headers()));
          append({ type: "request", method: request.method(), url: request.url(), headers, postData: request.postData() });
        });
      const onResponse = (response: Response) => {
        const n = String(++bodies).padStart(3, "0");
        // A file download: asking Chromium for its body cancels the download, so the file is
        // recorded from the download itself (onDownload) instead.
        if ((response.headers()["content-disposition"] ?? "").startsWith("attachment")) {
          track(async () => {
            const headers = await response.headersArray().catch(() => headerList(response.headers()));
            append({ type: "response", url: response.url(), status: response.status(), headers, body: "download" });
          });
          return;
        }
        // Asked for at once: Chromium forgets a body soon after its page navigates away.
        const received = response.body();
        received.catch(() => {});
        track(async () => {
          const headers = await response.headersArray().catch(() => headerList(response.headers()));
          let body: string;
          try {
            fs.writeFileSync(path.join(dir, `${n}.body`), await received);
            body = `${n}.body`;
          } catch (error) {
            // Redirects have no body (their headers, Location and Set-Cookie, are above), and a page
            // that navigated away or closed may have dropped one; the scan reads target/site/pkg
            // itself for the wasm, JS and CSS.
            body = `unavailable: ${firstLine(error)}`;
          }
          append({ type: "response", url: response.url(), status: response.status(), headers, body });
        });
      };
      const onDownload = (download: Download) =>
        track(async () => {
          const n = String(++bodies).padStart(3, "0");
          const file = await download.path();
          fs.copyFileSync(file, path.join(dir, `${n}.body`));
          append({ type: "download", url: download.url(), body: `${n}.body` });
        });
      const watchPage = (page: Page) => page.on("download", onDownload);
      context.pages().forEach(watchPage);
      context.on("page", watchPage);
      context.on("request", onRequest);
      context.on("response", onResponse);

      await use();

      context.off("page", watchPage);
      context.pages().forEach((page) => page.off("download", onDownload));
      context.off("request", onRequest);
      context.off("response", onResponse);
      // A body that never finishes must not hold the test up.
      await Promise.race([Promise.allSettled(pending), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      fs.writeFileSync(path.join(dir, "cookies.json"), JSON.stringify(await context.cookies(), null, 2));
    },
    { auto: true },
  ],
});
