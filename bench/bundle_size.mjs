// The browser bundle's size: every .wasm and .js file under target/site/pkg (the release build),
// raw, gzip (level 9) and brotli (quality 11), and their total. With --check it fails (exit 1) when
// the brotli total is over the budget: all the code the browser is sent, whatever the page count.
//
//   make release && node bench/bundle_size.mjs           # print the sizes
//   node bench/bundle_size.mjs --check                   # the check `make test` runs
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

const BUDGET_BROTLI = 200 * 1024;
const dir = process.env.BUNDLE_DIR ?? "target/site/pkg";

if (!fs.existsSync(dir)) {
  console.error(`${dir} does not exist: build first (make release)`);
  process.exit(2);
}
const files = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith(".wasm") || name.endsWith(".js"))
  .sort();
if (files.length === 0) {
  console.error(`no .wasm or .js file in ${dir}`);
  process.exit(2);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = files.map((name) => {
  const bytes = fs.readFileSync(path.join(dir, name));
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
  return { name, raw: bytes.length, gzip, brotli };
});
const total = rows.reduce(
  (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const width = Math.max(...rows.map((r) => r.name.length), 5);
const line = (name, r) =>
  `${name.padEnd(width)}  ${kib(r.raw).padStart(12)}  ${kib(r.gzip).padStart(12)}  ${kib(r.brotli).padStart(12)}`;
console.log(`${"file".padEnd(width)}  ${"raw".padStart(12)}  ${"gzip -9".padStart(12)}  ${"brotli 11".padStart(12)}`);
for (const r of rows) console.log(line(r.name, r));
console.log(line("total", total));
console.log(`budget: ${kib(BUDGET_BROTLI)} brotli; used ${((100 * total.brotli) / BUDGET_BROTLI).toFixed(0)} %`);

if (process.argv.includes("--check") && total.brotli > BUDGET_BROTLI) {
  console.error(`the bundle is ${kib(total.brotli)} brotli, over the ${kib(BUDGET_BROTLI)} budget`);
  process.exit(1);
}
