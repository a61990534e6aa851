// The coordinator's year in the console, in a real browser (Debian's /usr/bin/chromium): sign in
// through the link from the mail, edit an action, import a sheet via its preview, publish a dialog,
// send a dead message again, keep the session across a Planbot restart, and an owner's update from
// the link in a real reminder mail (in a second browser without the coordinator's cookies).
// What only the test can give (a link from a mail, a file, a restart) is asked for on stdout as
// "NEED <what>" and read back as one line on stdin. Exits 1 at the first step that fails.
//
//   node console-story.mjs http://localhost:7070      (driven by ConsoleStoryBrowserTest)
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const [base] = process.argv.slice(2);
if (!base) {
  console.error('usage: node console-story.mjs BASE_URL');
  process.exit(2);
}
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function ask(what) {
  console.log(`NEED ${what}`);
  const { value } = await lines.next();
  return value.trim();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const coordinator = await (await browser.newContext()).newPage();
let current = coordinator;

async function expectText(page, text) {
  await page.waitForLoadState('load');
  const main = await page.locator('main').innerText();
  if (!main.includes(text)) {
    throw new Error(`expected "${text}" on ${new URL(page.url()).pathname}, the page says:\n${main}`);
  }
}

async function click(page, role, name) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole(role, { name }).first().click()]);
}

async function step(name, work) {
  await work();
  console.log(`ok   ${name}`);
}

try {
  await step('sign in with the link from the mail', async () => {
    await coordinator.goto(base + '/admin/login', { waitUntil: 'load' });
    await coordinator.fill('#email', 'koordinator@example.se');
    await click(coordinator, 'button', 'Skicka inloggningslänk');
    await expectText(coordinator, 'Kolla din e-post');
    await coordinator.goto(await ask('signin-link'), { waitUntil: 'load' });
    await click(coordinator, 'button', 'Logga in');
    await expectText(coordinator, 'Välkommen, Koordinator Demo');
  });

  await step('edit an action', async () => {
    await coordinator.goto(base + await ask('action-path'), { waitUntil: 'load' });
    await coordinator.fill('#title', 'Företagslotsen: ändrad i webbläsaren');
    await click(coordinator, 'button', 'Spara ändringarna');
    await expectText(coordinator, 'Sparat.');
  });

  await step('import a sheet via the preview', async () => {
    await coordinator.goto(base + '/admin/import', { waitUntil: 'load' });
    await coordinator.setInputFiles('#file', await ask('import-file'));
    await click(coordinator, 'button', 'Förhandsgranska');
    await expectText(coordinator, '1 nya, 0 ändrade');
    await click(coordinator, 'button', 'Genomför importen');
    await expectText(coordinator, 'Importen är genomförd: 1 nya');
  });

  await step('publish a dialog', async () => {
    await coordinator.goto(base + '/admin/dialogs/new', { waitUntil: 'load' });
    await coordinator.fill('#title', 'Workshop i webbläsaren');
    await coordinator.fill('#start', '2026-12-17T13:00');
    await coordinator.fill('#end', '2026-12-17T15:00');
    await coordinator.fill('#place', 'Stadshuset, sal 2');
    await coordinator.check('#strategy-2');
    await click(coordinator, 'button', 'Spara utkastet');
    await expectText(coordinator, 'Sparat.');
    await click(coordinator, 'link', 'Publicera dialogen');
    await expectText(coordinator, 'prenumeranter bjuds in');
    await click(coordinator, 'button', /Publicera och bjud in/);
    await expectText(coordinator, 'Dialogen är publicerad');
  });

  await step('send a dead message again', async () => {
    await coordinator.goto(base + '/admin/outbox?status=dead', { waitUntil: 'load' });
    await click(coordinator, 'button', /Skicka igen/);
    await expectText(coordinator, 'Skickas igen: meddelande');
  });

  await step('the session survives a restart of Planbot', async () => {
    await ask('restart');
    await coordinator.goto(base + '/admin', { waitUntil: 'load' });
    if (new URL(coordinator.url()).pathname !== '/admin') {
      throw new Error(`after the restart the browser landed on ${coordinator.url()}`);
    }
    await expectText(coordinator, 'Välkommen, Koordinator Demo');
  });

  await step('an owner updates an action from the link in a reminder mail', async () => {
    current = await (await browser.newContext()).newPage();
    await current.goto(await ask('owner-link'), { waitUntil: 'load' });
    await current.fill('#progress', '55');
    await current.fill('#note', 'Uppdaterat från mejlet');
    await click(current, 'button', 'Spara');
    await expectText(current, 'Sparat');
  });
  console.log('console story: every step done');
} catch (failure) {
  console.log(`FAIL ${failure.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
process.exit(process.exitCode || 0);
