// Accessibility check of Planbot's public pages: every page given is loaded in headless Chromium
// (Debian's /usr/bin/chromium) and checked with axe-core against WCAG 2.1 A/AA; forms are also
// checked in their error state (submitted empty). Then each page is laid out at phone widths (320 px,
// WCAG 1.4.10 reflow, and 390 px) and at desktop width: no sideways scrolling, no element reaching
// past the viewport, no element whose content runs out of its box (a long Swedish word, a wide table).
// Exits 1 on any serious or critical violation or any layout problem.
//
//   node check.mjs http://localhost:7070 / /plan /dialogs /subscribe ...
//
// Paths starting with "submit:" are loaded, their main form is submitted empty, and the answer
// (the form with its error messages) is checked. PLANBOT_COOKIES="name=value; name2=value2" puts
// cookies in the browser first (a console session, so the signed-in pages can be checked).
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
// Widths every page must fit: 320 px is WCAG 1.4.10's reflow width, 390 px a common phone,
// 1280 px the desktop (where a card title can still break out of its border).
const WIDTHS = [320, 390, 1280];

// Runs in the page: what does not fit at the current width, at most ten findings.
function layoutProblems() {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
      + ` "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    // The skip link waits off-screen until it gets focus; form controls scroll their own text.
    if (style.display === 'none' || style.visibility === 'hidden' || el.matches('.skip:not(:focus)')
        || el.matches('input, select, textarea, option')) {
      continue;
    }
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) {
      continue;
    }
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`${name(el)} reaches past the viewport (${Math.round(box.left)}–${Math.round(box.right)} px of ${width})`);
    } else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      problems.push(`${name(el)} content is ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
    }
    if (problems.length >= 10) {
      break;
    }
  }
  return problems;
}

let failures = 0;
const cookies = (process.env.PLANBOT_COOKIES || '').split(';').map(pair => pair.trim()).filter(Boolean)
  .map(pair => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: base }));
if (cookies.length > 0) {
  await context.addCookies(cookies);
}
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
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const problems = await page.evaluate(layoutProblems);
      if (problems.length > 0) {
        failures += problems.length;
        console.log(`FAIL ${entry} at ${width} px`);
        problems.forEach(problem => console.log(`  ${problem}`));
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures === 0 ? `accessibility: ${paths.length} pages, no serious or critical violations, `
                               + `every page fits ${WIDTHS.join(', ')} px`
                           : `accessibility: ${failures} serious or critical violations or layout problems`);
process.exit(failures === 0 ? 0 : 1);
