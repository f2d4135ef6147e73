import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium (apt-get install chromium; .ci/run installs it when missing): Playwright's own
// browser download cannot work here. Without the networking flags Chromium keeps trying to reach
// Google's hosts, which this machine cannot.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium (.ci/run does it), or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

const screenshotDir = resolve(__dirname, '../../docs/screenshots');

/** The README shows these: the page as it is now, at desktop width and on a 390-pixel phone. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const viewport = page.viewportSize() ?? desktop;
  await page.setViewportSize(desktop);
  await page.screenshot({ path: resolve(screenshotDir, `${name}-desktop.png`), fullPage: false });
  await page.setViewportSize(phone);
  await page.screenshot({ path: resolve(screenshotDir, `${name}-phone.png`), fullPage: false });
  await page.setViewportSize(viewport);
}

/** axe-core's serious and critical findings on the page as it is (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
