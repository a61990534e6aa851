// Console sign-in through the identity provider in a real browser (Debian's /usr/bin/chromium):
// open /admin/login, press "Logga in med kommunens konto", follow the provider's redirects (a local
// fake that signs in at once) back to Planbot, and check the page the browser lands on shows the
// expected text. Exits 1 otherwise.
//
//   node oidc-signin.mjs http://localhost:7070 "Välkommen"
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, expected] = process.argv.slice(2);
if (!base || !expected) {
  console.error('usage: node oidc-signin.mjs BASE_URL EXPECTED_TEXT');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'planbot-oidc-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let ok = false;
try {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(base + '/admin/login', { waitUntil: 'load' });
  const origin = new URL(base).origin;
  await page.getByRole('link', { name: /kommunens konto|municipal account/ }).click();
  // Planbot → provider → Planbot's callback → /admin (or the callback's refusal page).
  await page.waitForURL(url => url.origin === origin && url.pathname !== '/admin/login' && url.pathname !== '/admin/login/oidc',
                        { waitUntil: 'load' });
  const text = await page.locator('main').innerText();
  const path = new URL(page.url()).pathname;
  ok = text.includes(expected);
  console.log(`oidc sign-in: landed on ${path}, ${ok ? 'shows' : 'does NOT show'} "${expected}"`);
  if (!ok) {
    console.log(text);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
