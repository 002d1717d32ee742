/** Debian's Chromium via playwright-core, flags from TOOLCHAIN.md (no browser download, no network services). */
import * as fs from "fs";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  // playwright launches with a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
