// Accessibility check of Planbot's public pages: every page given is loaded in headless Chromium
// (Debian's /usr/bin/chromium) and checked with axe-core against WCAG 2.1 A/AA; forms are also
// checked in their error state (submitted empty). Exits 1 on any serious or critical violation.
//
//   node check.mjs http://localhost:7070 / /plan /dialogs /subscribe ...
//
// Paths starting with "submit:" are loaded, their main form is submitted empty, and the answer
// (the form with its error messages) is checked.
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node check.mjs BASE_URL PATH...');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'planbot-a11y-'));

// A fresh profile folder per run (Playwright passes it to Chromium as --user-data-dir).
// Pages send a strict Content-Security-Policy; bypassCSP only so that axe can be injected.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  bypassCSP: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  const page = context.pages()[0] || await context.newPage();
  for (const entry of paths) {
    const submit = entry.startsWith('submit:');
    const path = submit ? entry.slice('submit:'.length) : entry;
    const response = await page.goto(base + path, { waitUntil: 'load' });
    if (submit) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
                         page.locator('main form[method="post"] button[type="submit"]').first().click()]);
    }
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    const minor = result.violations.length - serious.length;
    const label = `${entry} (HTTP ${response ? response.status() : '?'})`;
    if (serious.length === 0) {
      console.log(`ok   ${label}: ${result.passes.length} rules passed${minor ? `, ${minor} minor/moderate findings` : ''}`);
    } else {
      failures += serious.length;
      console.log(`FAIL ${label}`);
      for (const violation of serious) {
        console.log(`  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`);
        for (const node of violation.nodes.slice(0, 5)) {
          console.log(`      ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
        }
      }
    }
    for (const violation of result.violations.filter(v => !serious.includes(v))) {
      console.log(`  note [${violation.impact}] ${violation.id}: ${violation.help}`);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures === 0 ? `accessibility: ${paths.length} pages, no serious or critical violations`
                           : `accessibility: ${failures} serious or critical violations`);
process.exit(failures === 0 ? 0 : 1);
