#!/usr/bin/env node
// Writes <file>.br and <file>.gz beside each compressible file of a Vite build (run after `vite build`),
// so the gateway serves the apps' assets compressed without compressing on every request.
// Usage: node tooling/scripts/precompress.mjs <dist dir>
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|wasm)$/i;
/** Below this size the headers cost more than compression saves. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* filesUnder(full);
    } else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) {
      yield full;
    }
  }
}

/** Compresses one file; a variant that is not smaller than the original is not written. */
async function compress(file) {
  const data = await readFile(file);
  if (data.length < MIN_BYTES) {
    return 0;
  }
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  let written = 0;
  for (const [suffix, variant] of [
    [".br", br],
    [".gz", gzipped],
  ]) {
    if (variant.length < data.length) {
      await writeFile(`${file}${suffix}`, variant);
      written += 1;
    }
  }
  return written;
}

const dist = path.resolve(process.argv[2] ?? "dist");
if (!(await stat(dist).catch(() => null))?.isDirectory()) {
  console.error(`precompress: ${dist} is not a directory (run it after vite build)`);
  process.exit(1);
}
let count = 0;
for await (const file of filesUnder(dist)) {
  count += await compress(file);
}
console.log(`precompress: wrote ${count} .br/.gz files under ${path.relative(process.cwd(), dist) || "."}`);
