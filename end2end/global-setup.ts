// Runs once before the specs (after the web server has started): forgets the previous run's
// recorded traffic, so the token scan reads this run's only. The server log is started afresh by the
// webServer command itself.
import * as fs from "node:fs";
import { RESPONSES_DIR } from "./tests/fixtures";

export default function globalSetup() {
  fs.rmSync(RESPONSES_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESPONSES_DIR, { recursive: true });
}
