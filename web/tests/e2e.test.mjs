// End to end in a real browser: apply, review anonymously, lift one applicant; accessibility
// (axe, WCAG 2.1 A/AA) on every page in fi/sv/en; screenshots at phone and desktop width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { focusIsVisible, launchBrowser, mailTextsTo, pageContents, screenshotDir, startServer, tabTo, webDir } from './support.mjs';

// The demo organisation's applicants (src/app/demo.cc) and ours: no value may reach a reviewer.
const DEMO_APPLICANTS = [
  ['Aino', 'Virtanen', 'aino.virtanen@example.fi'],
  ['Mikael', 'Lindqvist', 'mikael.lindqvist@example.fi'],
  ['Fatima', 'Hassan', 'fatima.hassan@example.fi'],
];
const DEMO_SHARED = ['+358 40 123 4567', '1985-04-12', 'Koulukatu 1', '98100'];
const CANARY = {
  first_name: 'Kanarialintu',
  last_name: 'Testinen',
  email: 'kanaria.testinen@example.test',
  phone: '+358 50 999 1111',
  birth_date: '1977-07-07',
  gender: 'Sukupuolikanaria',
  street_address: 'Kanarialinnuntie 7',
  postal_code: '96999',
  municipality: 'Kanarialaakso',
  mother_tongue: 'Kanariankieli',
  nationality: 'Kanariamaa',
};
const identitiesOf = (first, last, email) => [first, last, email];
// The applicant who attaches a CV (its name, phone and e-mail are in the file too).
const ATTACHING = ['Maija', 'Meikäläinen', 'maija.meikalainen@example.test'];
const ALL_IDENTITIES = [
  ...DEMO_APPLICANTS.map(([f, l, e]) => identitiesOf(f, l, e)),
  Object.values(CANARY),
  ATTACHING,
];
const PASSWORD = 'reilu-demo-2026';
// A CV-like PDF with a name, a phone number and a photo (made by tests/support/sample_documents.cc).
const CV_PDF = new URL('../../fuzz/attach-seeds/cv.pdf', import.meta.url).pathname;

let server;
let browser;
let statusLink = '';  // the canary applicant's status page (from the receipt)

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage({ lang = 'fi', width = 1280, timezoneId = undefined } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fi-FI', timezoneId });
  await context.addInitScript((l) => localStorage.setItem('reilu.lang', l), lang);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  const violations = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  page.cspViolations = violations;
  return page;
}

async function expectAccessible(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.help} ${v.nodes[0]?.target}`);
  assert.deepEqual(summary, [], summary.join('\n'));
}

async function login(page, username) {
  await page.goto(server.url + '/staff/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff(\/audit|\/admin)?$/);
}

async function openDemoRecruitment(page) {
  await page.goto(server.url + '/staff/recruitments/1');
  await page.waitForSelector('article h3');
}

// Every page, every language: zero WCAG 2.1 A/AA violations; screenshots of the main pages.
const PAGES = [
  { name: 'job-board', path: '/', ready: 'h2 a' },
  { name: 'job-ad-and-form', path: '/jobs/1', ready: 'form' },
  { name: 'status', path: '/status#ref=none&token=none', ready: 'h1' },
  { name: 'privacy-notice', path: '/privacy/1', ready: 'h2' },
  { name: 'login', path: '/staff/login', ready: '#login-username' },
  { name: 'recruitments', path: '/staff', ready: 'table', user: 'hr' },
  { name: 'editor', path: '/staff/recruitments/new', ready: 'fieldset', user: 'hr' },
  { name: 'review-desk-owner', path: '/staff/recruitments/1', ready: 'article', user: 'hr' },
  { name: 'review-desk-reviewer', path: '/staff/recruitments/1', ready: '.not-yet', user: 'reviewer2' },
  { name: 'screening-desk-reviewer', path: '/staff/recruitments/2', ready: 'article input[type=radio]', user: 'reviewer2' },
  { name: 'screening-desk-owner', path: '/staff/recruitments/2', ready: 'table', user: 'hr' },
  // The decision-maker of the librarian post: blind until the shortlist.
  { name: 'decision-desk-blind', path: '/staff/recruitments/2', ready: '.fi-inline-alert', user: 'decision' },
  { name: 'audit-log', path: '/staff/audit', ready: 'table', user: 'auditor' },
  { name: 'compliance-report', path: '/staff/reports', ready: 'table', user: 'auditor' },
  { name: 'admin', path: '/staff/admin', ready: 'table', user: 'admin' },
  { name: 'registry-desk', path: '/staff/recruitments/1', ready: 'article', user: 'registry' },
  { name: 'records-requests', path: '/staff/registry', ready: 'fieldset', user: 'registry' },
];

describe('accessibility and screenshots', () => {
  test('the checker itself reports violations (so a pass means something)', async () => {
    const page = await newPage();
    await page.setContent('<html><body><main><input type="text"><img src="x.png"></main></body></html>');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const ids = results.violations.map((v) => v.id);
    assert.ok(ids.includes('image-alt') && ids.includes('label'), ids.join(','));
    await page.context().close();
  });

  test('an applicant downloads under 200 KB of compressed JavaScript; staff pages load only when used', async () => {
    const KB = 1024;
    for (const lang of ['fi', 'sv', 'en']) {
      const page = await newPage({ lang, width: 360 });
      const scripts = [];
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(r);
      });
      await page.goto(`${server.url}/jobs/1`);
      await page.waitForSelector('form');
      await page.goto(`${server.url}/status#ref=ABC-123&token=nope`);
      await page.getByRole('alert').waitFor();
      let sent = 0;
      let gzip = 0;
      let brotli = 0;
      const seen = new Set();
      for (const r of scripts) {
        const name = new URL(r.url()).pathname;
        if (seen.has(name)) continue;  // the second page takes it from the cache
        seen.add(name);
        assert.ok(!/\/(Desk|Editor|Admin|Registry|Reports|Audit|Recruitments|Login)-/.test(name), `${name} is a staff page`);
        const coding = (await r.allHeaders())['content-encoding'];
        assert.ok(coding === 'br' || coding === 'gzip', `${name} went compressed (${coding})`);
        gzip += statSync(join(webDir, `${name}.gz`)).size;
        brotli += statSync(join(webDir, `${name}.br`)).size;
        sent += statSync(join(webDir, `${name}.${coding === 'br' ? 'br' : 'gz'}`)).size;
      }
      // What this browser took (brotli), and within budget even for a browser that takes only gzip.
      assert.ok(sent < 200 * KB, `${lang}: ${Math.round(sent / KB)} KB sent`);
      assert.ok(gzip < 200 * KB, `${lang}: ${Math.round(gzip / KB)} KB of gzip`);
      console.log(`applicant pages in ${lang}: ${Math.round(gzip / KB)} KB gzip, ${Math.round(brotli / KB)} KB brotli`);
      await page.context().close();
    }
  });

  test('staff texts come with the first staff page and follow a change of language, chosen values too', async () => {
    const page = await newPage({ lang: 'en' });
    await login(page, 'hr');
    await openDemoRecruitment(page);
    await page.getByRole('heading', { name: 'Who makes the selection decision' }).waitFor();
    await page.locator('button', { hasText: 'Me (responsible for the recruitment)' }).waitFor();
    await page.locator('button', { hasText: /^EN$/ }).first().click();
    await page.getByRole('menuitem', { name: /Svenska/ }).click();
    await page.getByRole('heading', { name: 'Vem fattar beslutet om val' }).waitFor();
    // The dropdown's chosen value is shown in the new language too (suomifi kept the old words).
    await page.locator('button', { hasText: 'Jag (rekryteringens ansvarsperson)' }).waitFor();
    assert.equal(await page.locator('button', { hasText: 'Me (responsible' }).count(), 0);
    await page.context().close();
  });

  test('without the link, the applicant asks for the links by e-mail', async () => {
    const page = await newPage({ width: 320 });
    await page.goto(`${server.url}/status`);
    await page.getByRole('textbox', { name: 'Sähköpostiosoite, jolla hait' }).fill(DEMO_APPLICANTS[0][2]);
    await page.getByRole('button', { name: 'Lähetä linkit' }).click();
    await page.getByText(`linkit niihin on nyt lähetetty osoitteeseen ${DEMO_APPLICANTS[0][2]}`, { exact: false }).waitFor();
    await expectAccessible(page, 'status links by e-mail');
    await page.screenshot({ path: join(screenshotDir, 'status-links-by-email-phone.png'), fullPage: true });
    await page.context().close();
  });

  test("the server's problems are told in the page's language, never in the server's English", async () => {
    const expected = {
      fi: 'Tietoa ei löytynyt. Tarkista linkki tai tunnus.',
      sv: 'Uppgiften hittades inte. Kontrollera länken eller koden.',
      en: 'No application matches this reference code and link.',
    };
    for (const [lang, text] of Object.entries(expected)) {
      const page = await newPage({ lang, width: 320 });
      await page.goto(`${server.url}/status#ref=ABC-123&token=nope`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal((await alert.innerText()).trim(), text);
      if (lang !== 'en') assert.ok(!(await page.locator('body').innerText()).includes('No application'), lang);
      await page.context().close();
    }
  });

  // The languages are checked side by side: each page has its own browser context and login, and
  // the checker's work in the browser is most of the time (run one after another, the suite would
  // leave a core idle for three minutes).
  describe('every page', { concurrency: 2 }, () => {
    for (const lang of ['fi', 'sv', 'en']) {
      test(`WCAG 2.1 A/AA in ${lang}`, async () => {
        for (const p of PAGES) {
          const page = await newPage({ lang });
          if (p.user) await login(page, p.user);
          await page.goto(server.url + p.path);
          await page.waitForSelector(p.ready);
          await expectAccessible(page, `${p.name}/${lang}`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          assert.deepEqual(page.cspViolations, []);
          if (lang === 'fi') {
            for (const width of [360, 1280]) {
              await page.setViewportSize({ width, height: 900 });
              // Nothing wider than the screen: no sideways scrolling on a phone.
              const overflow = await page.evaluate(
                () =>
                  new Promise((done) =>
                    requestAnimationFrame(() =>
                      requestAnimationFrame(() => done(document.documentElement.scrollWidth - window.innerWidth)),
                    ),
                  ),
              );
              assert.ok(overflow <= 0, `${p.name} is ${overflow}px wider than ${width}px`);
              await page.screenshot({
                path: join(screenshotDir, `${p.name}-${width === 360 ? 'phone' : 'desktop'}.png`),
                fullPage: true,
              });
            }
          }
          await page.context().close();
        }
      });
    }
  });
});

describe('the anonymous recruitment in a browser', () => {
  test('an applicant applies with the keyboard only, previews the redaction and gets a receipt', async () => {
    const page = await newPage({ width: 360 });
    await page.goto(server.url + '/');
    await page.waitForSelector('h2 a');
    // Keyboard only: Tab to the ad's link, Enter, then Tab through the form.
    await tabTo(page, () => document.activeElement?.closest('h2') !== null);
    await page.keyboard.press('Enter');
    await page.waitForSelector('form');
    await tabTo(page, () => document.activeElement?.id === 'apply-first_name');
    for (const key of Object.keys(CANARY)) {
      // Birth date, gender, nationality and mother tongue are asked only where the employer turned
      // them on with a legal basis (the demo organisation asks none of them).
      if ((await page.locator(`#apply-${key}`).count()) === 0) continue;
      assert.equal(await page.evaluate(() => document.activeElement?.id), `apply-${key}`);
      await page.keyboard.type(CANARY[key]);
      await page.keyboard.press('Tab');
    }
    await tabTo(page, () => document.activeElement?.id === 'apply-cover_letter');
    await page.keyboard.type(
      `Olen ${CANARY.first_name} ${CANARY.last_name}, 49-vuotias opettaja. Soita ${CANARY.phone}. Olen opettanut alakoulussa 15 vuotta.`,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Haluan opettaa. Terveisin ${CANARY.first_name}`);
    await tabTo(page, () => document.activeElement?.tagName === 'BUTTON' && !document.activeElement.closest('header'));
    await page.keyboard.press('Enter');
    const preview = page.locator('#preview-title').locator('..');
    await preview.waitFor();
    const previewText = await preview.innerText();
    assert.match(previewText, /opettanut alakoulussa 15 vuotta/);
    for (const value of [CANARY.first_name, CANARY.last_name, CANARY.phone, '49-vuotias']) {
      assert.ok(!previewText.includes(value), `preview shows ${value}`);
    }
    await page.screenshot({ path: join(screenshotDir, 'apply-preview-phone.png'), fullPage: true });
    await tabTo(page, () => document.activeElement?.getAttribute('type') === 'submit');
    assert.ok(await focusIsVisible(page), 'the submit button shows where the focus is');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=reference]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'receipt-title');
    await page.screenshot({ path: join(screenshotDir, 'receipt-phone.png'), fullPage: true });
    // The receipt's link leads to the applicant's status page.
    statusLink = await page.getByRole('link', { name: /Seuraa|Följ|Follow/ }).getAttribute('href');
    await page.getByRole('link', { name: /Seuraa|Följ|Follow/ }).click();
    await page.waitForSelector('[data-testid=status]');
    assert.equal(await page.locator('[data-testid=status]').innerText(), 'Vastaanotettu');
    // The applicant downloads everything held about them.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Lataa kaikki tietosi/ }).click();
    const own = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(own.identity.first_name, CANARY.first_name);
    assert.ok(Array.isArray(own.identity_reads));
    // Until the deadline the applicant changes the application: the form comes back filled with
    // what was sent, the change is saved, and the page says so where focus goes.
    await page.getByRole('button', { name: 'Muokkaa hakemusta' }).click();
    await page.locator('#apply-cover_letter').waitFor();
    assert.equal(await page.locator('#apply-first_name').inputValue(), CANARY.first_name);
    assert.match(await page.locator('#apply-cover_letter').inputValue(), /opettanut alakoulussa 15 vuotta/);
    await expectAccessible(page, 'changing a sent application (phone)');
    // (Before typing: a click right after a full-page screenshot can land on the resized page.)
    await page.screenshot({ path: join(screenshotDir, 'amend-phone.png'), fullPage: true });
    const changedLetter = `Olen ${CANARY.first_name} ${CANARY.last_name}, 49-vuotias opettaja. Soita ${CANARY.phone}. Olen opettanut alakoulussa 16 vuotta ja ohjannut kerhoja.`;
    await page.locator('#apply-cover_letter').fill(changedLetter);
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByText('Hakemus on muutettu.', { exact: false }).waitFor();
    assert.ok(await page.locator('.withdrawn-note').evaluate((p) => p === document.activeElement));
    await page.getByRole('button', { name: 'Muokkaa hakemusta' }).click();
    await page.locator('#apply-cover_letter').waitFor();
    assert.equal(await page.locator('#apply-cover_letter').inputValue(), changedLetter);
    await page.getByRole('button', { name: 'Peruuta muutokset' }).click();
    await page.locator('[data-testid=status]').waitFor();
    assert.deepEqual(page.cspViolations, []);
    await page.context().close();
  });

  test('an applicant attaches a CV and sees what reviewers will get before sending', async () => {
    const page = await newPage({ width: 360 });
    await page.goto(server.url + '/jobs/1');
    await page.waitForSelector('form');
    await page.locator('#apply-first_name').fill(ATTACHING[0]);
    await page.locator('#apply-last_name').fill(ATTACHING[1]);
    await page.locator('#apply-email').fill(ATTACHING[2]);
    for (const q of await page.locator('textarea[id^=apply-answer-]').all()) await q.fill('Haluan opettaa liikuntaa. Terveisin Maija');
    await page.locator('#apply-cover_letter').fill('Olen opettanut liikuntaa kymmenen vuotta.');
    // An employer that names a place: the owner must look, so the bulk release leaves the file too.
    await page.getByRole('textbox', { name: /^Tehtävä/ }).first().fill('Luokanopettaja');
    await page.getByRole('textbox', { name: /^Työnantaja/ }).first().fill('Kangasalan kunta');
    // A file of the wrong kind is refused in the browser, in the applicant's language.
    await page.locator('#apply-attachments').setInputFiles({ name: 'kuva.png', mimeType: 'image/png', buffer: Buffer.from('not a cv') });
    await page.getByText('kuva.png: lähetä tiedosto PDF-, DOCX- tai ODT-muodossa.').waitFor();
    await page.locator('#apply-attachments').setInputFiles(CV_PDF);
    await page.getByRole('button', { name: /Katso, mitä arvioijat näkevät: cv.pdf/ }).click();
    const opened = page.getByRole('link', { name: /Avaa arvioijien versio: cv.pdf/ });
    await opened.waitFor();
    // The browser holds the PDF the server drew (a blob: link, opened or saved by the applicant).
    assert.match(await opened.getAttribute('href'), /^blob:/);
    await expectAccessible(page, 'attachments on the form');
    await page.locator('fieldset', { hasText: 'Liitteet' }).screenshot({ path: join(screenshotDir, 'apply-attachments-phone.png') });
    await page.getByRole('button', { name: 'Lähetä hakemus' }).click();
    await page.waitForSelector('[data-testid=reference]');
    await page.context().close();
  });

  test('form errors are listed, linked and announced', async () => {
    const page = await newPage({ lang: 'en' });
    await page.goto(server.url + '/jobs/1');
    await page.waitForSelector('form');
    await page.locator('button[type=submit]').click();
    const heading = page.getByRole('heading', { name: 'Please check these fields' });
    await heading.waitFor();
    assert.ok(await heading.evaluate((h) => h === document.activeElement));
    assert.ok((await page.locator('#apply-first_name').getAttribute('aria-invalid')) === 'true');
    await page.context().close();

    // In Finnish, an implausible address is named in Finnish next to the field (the server's
    // English never reaches the page), and a field the employer does not ask is not on the form.
    const fi = await newPage({ lang: 'fi' });
    await fi.goto(server.url + '/jobs/1');
    await fi.waitForSelector('form');
    assert.equal(await fi.locator('#apply-birth_date').count(), 0);
    await fi.locator('#apply-first_name').fill('Testi');
    await fi.locator('#apply-last_name').fill('Hakija');
    await fi.locator('#apply-email').fill('testi@');
    await fi.locator('button[type=submit]').click();
    await fi.getByRole('heading', { name: 'Tarkista nämä kohdat' }).waitFor();
    const text = await fi.locator('main').innerText();
    assert.match(text, /Tarkista sähköpostiosoite/);
    assert.doesNotMatch(text, /not valid|required|must be/i);
    await fi.context().close();
  });

  test('a reload keeps what was typed in the tab, rows repeat, and emptying the form asks first', async () => {
    const page = await newPage({ lang: 'fi' });
    await page.goto(server.url + '/jobs/1');
    await page.waitForSelector('form');
    // The ad says what municipal ads say, and its paragraphs stay paragraphs.
    for (const text of ['Palkka', 'OVTES:n mukaan', 'Kelpoisuusvaatimukset', 'Lisätietoja antaa', 'Ritva Rehtorinen']) {
      await page.getByText(text, { exact: false }).first().waitFor();
    }
    assert.ok((await page.locator('p.ad-paragraph').count()) >= 3);
    await page.locator('#apply-first_name').fill('Luonnos');
    await page.locator('#apply-cover_letter').fill('Kirjoitin tämän ennen kuin yhteys katkesi.');
    await page.getByRole('textbox', { name: /^Tutkinto(?! \d)/ }).fill('Lähihoitaja');
    await page.getByRole('button', { name: '+ Lisää koulutus' }).click();
    await page.getByRole('textbox', { name: /^Tutkinto 2/ }).fill('Kasvatustieteen maisteri');
    await page.getByRole('button', { name: '+ Lisää työkokemus' }).click();
    await page.getByRole('textbox', { name: /^Tehtävä 2/ }).fill('Luokanopettaja');
    // Months typed as Finns write them give the duration; only the duration is sent.
    await page.getByRole('textbox', { name: /^Alkoi \(kuukausi\) 2/ }).fill('3.2021');
    await page.getByRole('textbox', { name: /^Päättyi \(kuukausi\) 2/ }).fill('2.2023');
    assert.equal(await page.getByRole('spinbutton', { name: /^Kesto kuukausina 2/ }).inputValue(), '24');
    await expectAccessible(page, 'form with repeated rows');
    await page.reload();
    await page.waitForSelector('form');
    assert.equal(await page.locator('#apply-first_name').inputValue(), 'Luonnos');
    assert.equal(await page.locator('#apply-cover_letter').inputValue(), 'Kirjoitin tämän ennen kuin yhteys katkesi.');
    assert.equal(await page.getByRole('textbox', { name: /^Tutkinto 2/ }).inputValue(), 'Kasvatustieteen maisteri');
    assert.equal(await page.getByRole('textbox', { name: /^Tehtävä 2/ }).inputValue(), 'Luokanopettaja');
    // Kept for the tab only: nothing of it in the browser's lasting storage.
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('Luonnos')), false);
    // A removed row goes; emptying the form asks, then empties it.
    await page.getByRole('button', { name: 'Poista: Koulutus 2' }).click();
    assert.equal(await page.getByRole('textbox', { name: /^Tutkinto 2/ }).count(), 0);
    await page.getByRole('button', { name: 'Tyhjennä lomake' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Tätä ei voi perua.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Tyhjennä lomake' }).click();
    await page.waitForSelector('form');
    await page.locator('#apply-first_name').waitFor();
    assert.equal(await page.locator('#apply-first_name').inputValue(), '');
    assert.equal(await page.locator('#apply-cover_letter').inputValue(), '');
    await page.context().close();
  });

  test('the owner closes and releases; a reviewer sees no identity value anywhere and scores by keyboard', async () => {
    const hr = await newPage();
    await login(hr, 'hr');
    await openDemoRecruitment(hr);
    await hr.getByRole('button', { name: 'Päätä hakuaika nyt' }).click();
    // Ending the period cannot be undone: the owner confirms in a dialog that says what follows.
    await hr.getByRole('dialog').getByText(/Tätä ei voi perua/).waitFor();
    await expectAccessible(hr, 'close confirmation');
    await hr.getByRole('dialog').getByRole('button', { name: 'Päätä hakuaika', exact: true }).click();
    await hr.getByText('Arviointi', { exact: true }).waitFor();
    // Bulk release first: the demo applicants name a town (their school's), so they need a look.
    await hr.getByRole('button', { name: 'Julkaise kaikki, joissa ei ole tarkistettavaa' }).click();
    await hr.getByText(/^Julkaistu \d+; tarkistettavia [1-9]\d*\.$/).waitFor();
    const checks = hr.getByRole('button', { name: /^Tarkista teksti:/ });
    let first = true;
    while ((await checks.count()) > 0) {
      const name = (await checks.first().textContent()).trim();
      await checks.first().click();
      const review = hr.locator('section[aria-labelledby^=review-]');
      await review.waitFor();
      await review.locator('mark').first().waitFor();
      if (first) {
        first = false;
        await expectAccessible(hr, 'redaction review');
        await hr.screenshot({ path: join(screenshotDir, 'redaction-review-desktop.png'), fullPage: true });
        // Hide one more word by selecting it in the original, as HR would with the mouse: the first
        // word of five or more letters that the engine left visible.
        const word = await review.evaluate((section) => {
          const walker = document.createTreeWalker(section.querySelector('p.original'), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('mark, label')) continue;
            const m = /\p{L}{5,}/u.exec(node.textContent);
            if (!m) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            return m[0];
          }
          throw new Error('no visible word in the original');
        });
        await review.getByRole('button', { name: 'Piilota valittu kohta' }).first().click();
        await review.getByText(`Piilotetaan: ”${word}”`).waitFor();
        assert.ok(await review.getByRole('checkbox', { name: new RegExp(word) }).first().isChecked());
      }
      await review.getByRole('button', { name: 'Julkaise arvioijille' }).click();
      await review.waitFor({ state: 'detached', timeout: 10000 }).catch(async () => {
        assert.fail(`the review stayed open: ${await review.textContent()}`);
      });
      assert.equal(await hr.getByRole('button', { name }).count(), 0, 'releasing a text removes its button');
    }
    await hr.context().close();

    const reviewer = await newPage();
    await login(reviewer, 'reviewer');
    await openDemoRecruitment(reviewer);
    await reviewer.waitForSelector('fieldset, [role=radiogroup]');
    const seen = await pageContents(reviewer);
    assert.match(seen, /Hakija/);
    // Every step of the scale says what it means, the same for every reviewer.
    for (const step of ['Ei näyttöä', 'Heikko', 'Riittävä', 'Hyvä', 'Erinomainen']) {
      await reviewer.getByText(step, { exact: true }).first().waitFor();
    }
    for (const values of ALL_IDENTITIES) {
      for (const value of values) assert.ok(!seen.includes(value), `reviewer page shows ${value}`);
    }
    for (const value of DEMO_SHARED) assert.ok(!seen.includes(value), `reviewer page shows ${value}`);
    await expectAccessible(reviewer, 'review desk while scoring');
    await reviewer.screenshot({ path: join(screenshotDir, 'review-desk-scoring-desktop.png'), fullPage: true });
    await reviewer.setViewportSize({ width: 360, height: 900 });
    await reviewer.screenshot({ path: join(screenshotDir, 'review-desk-scoring-phone.png'), fullPage: true });
    await reviewer.setViewportSize({ width: 1280, height: 900 });

    // One question at a time: every applicant's answer to the question, in this reviewer's order.
    await reviewer.getByRole('button', { name: 'Kysymys kerrallaan' }).click();
    const answers = reviewer.locator('section[aria-labelledby=chunk-title] li');
    // The three demo applicants, the keyboard applicant and the one who attached a CV.
    await answers.nth(4).waitFor();
    assert.equal(await answers.count(), 5);
    await expectAccessible(reviewer, 'chunked review');
    await reviewer.getByRole('button', { name: 'Hakemus kerrallaan' }).click();
    await reviewer.waitForSelector('article');

    // Score every application with the keyboard only: Tab into each radio group, arrow keys to
    // choose, Tab to the save button, Enter.
    const appIds = await reviewer.locator('article h3').evaluateAll((hs) => hs.map((h) => h.id.slice(4)));
    for (const [i, appId] of appIds.entries()) {
      for (const criterion of ['experience', 'education']) {
        await tabTo(reviewer, (name) => document.activeElement?.getAttribute('name') === name, `score-${appId}-${criterion}`);
        assert.ok(await focusIsVisible(reviewer), 'a focused radio button shows its focus');
        await reviewer.keyboard.press('ArrowRight');
        await reviewer.keyboard.press('ArrowRight');
        if (i === 0) await reviewer.keyboard.press('ArrowRight');  // 4 for the first one: a ranking order
      }
      await tabTo(
        reviewer,
        (id) => document.activeElement?.textContent === 'Tallenna pisteet' && document.activeElement.closest('article')?.getAttribute('aria-labelledby') === id,
        `app-${appId}`,
      );
      await reviewer.keyboard.press('Enter');
      await reviewer.locator(`article[aria-labelledby="app-${appId}"]`).getByText(/Pisteet tallennettu klo \d\d\.\d\d\./).waitFor();
      const checked = await reviewer
        .locator(`article[aria-labelledby="app-${appId}"] input[type=radio]:checked`)
        .evaluateAll((inputs) => inputs.map((r) => r.value));
      assert.deepEqual(checked, i === 0 ? ['4', '4'] : ['3', '3']);
      // The progress follows each save, without a reload.
      await reviewer.getByText(`Pisteytetty ${i + 1} / ${appIds.length}`).waitFor();
    }
    assert.deepEqual(reviewer.cspViolations, []);
    await reviewer.context().close();
  });

  test('the owner checks an attached CV and releases it; the reviewer opens only the rendition', async () => {
    const hr = await newPage();
    await login(hr, 'hr');
    await openDemoRecruitment(hr);
    const check = hr.getByRole('button', { name: /^Tarkista ja julkaise: Liite 1/ }).first();
    await check.click();
    const review = hr.locator('section[aria-label^="Tarkista ja julkaise"]');
    await review.locator('p.original mark').first().waitFor();
    assert.match(await review.locator('p.original').innerText(), /Meikäläinen/);
    await expectAccessible(hr, 'attachment review');
    // A box drawn by hand on the page (the photo's corner, say), listed and sent with the covers.
    await review.getByRole('button', { name: 'Avaa sivu 1' }).click();
    const sheet = review.getByRole('img', { name: 'Sivu 1 alkuperäisenä' });
    await sheet.waitFor();
    await hr.waitForFunction((img) => img.complete && img.naturalWidth > 0, await sheet.elementHandle());
    await sheet.scrollIntoViewIfNeeded();
    const at = await sheet.boundingBox();
    await hr.mouse.move(at.x + at.width * 0.1, at.y + 40);
    await hr.mouse.down();
    await hr.mouse.move(at.x + at.width * 0.4, at.y + 90, { steps: 4 });
    await hr.mouse.up();
    await review.getByRole('listitem').filter({ hasText: 'Peitto 1 (sivu 1)' }).first().waitFor();
    await expectAccessible(hr, 'attachment page with a box');
    // The same by numbers, for the keyboard.
    await review.getByRole('spinbutton', { name: 'Vasemmasta reunasta %' }).fill('10');
    await review.getByRole('spinbutton', { name: 'Yläreunasta %' }).fill('80');
    await review.getByRole('spinbutton', { name: 'Leveys %' }).fill('30');
    await review.getByRole('spinbutton', { name: 'Korkeus %' }).fill('5');
    await review.getByRole('button', { name: 'Lisää peitto' }).click();
    await review.getByRole('listitem').filter({ hasText: 'Peitto 2 (sivu 1)' }).first().waitFor();
    // The original page and the reviewers' version of it side by side, with both boxes drawn.
    await review.getByRole('button', { name: 'Näytä arvioijien versio sivusta 1' }).click();
    const tried = review.getByRole('img', { name: 'Arvioijien versio, sivu 1' });
    await tried.waitFor();
    await hr.waitForFunction((img) => img.complete && img.naturalWidth > 0, await tried.elementHandle());
    const [left, right] = [await sheet.boundingBox(), await tried.boundingBox()];
    assert.ok(right.x > left.x + left.width - 1, 'the two pages stand side by side on a wide screen');
    await expectAccessible(hr, 'original and rendition side by side');
    await hr.screenshot({ path: join(screenshotDir, 'attachment-side-by-side-desktop.png'), fullPage: true });
    await review.getByRole('button', { name: 'Muodosta arvioijien versio valituilla peitoilla' }).click();
    await review.getByRole('link', { name: 'Avaa muodostettu versio liitteestä 1' }).waitFor();
    await hr.screenshot({ path: join(screenshotDir, 'attachment-review-desktop.png'), fullPage: true });
    // Released from the keyboard: the mouse still rests on the page picture it drew on.
    const releaseButton = review.getByRole('button', { name: 'Julkaise liite arvioijille' });
    await releaseButton.focus();
    const [released] = await Promise.all([
      hr.waitForResponse((r) => r.url().endsWith('/attachments/1/release')),
      hr.keyboard.press('Enter'),
    ]);
    assert.equal(released.status(), 200, await released.text());
    await review.waitFor({ state: 'detached', timeout: 15000 });
    await hr.context().close();

    const reviewer = await newPage();
    await login(reviewer, 'reviewer');
    await openDemoRecruitment(reviewer);
    const link = reviewer.getByRole('link', { name: 'Avaa liite 1' }).first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    const file = await reviewer.request.get(server.url + href);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-type'], 'application/pdf');
    assert.match(file.headers()['content-disposition'], /liite-1\.pdf/);
    const bytes = (await file.body()).toString('latin1');
    for (const value of ['Meik', 'cv.pdf', '040 123']) assert.ok(!bytes.includes(value), `the rendition holds ${value}`);
    // Before the lift the file as sent stays closed to the reviewer.
    const original = await reviewer.request.get(server.url + href + '/original');
    assert.equal(original.status(), 403);
    assert.equal(await reviewer.getByRole('link', { name: /Alkuperäinen liite/ }).count(), 0);
    await reviewer.context().close();
  });

  test('after the shortlist the owner lifts one applicant and the reviewer sees exactly that one', async () => {
    const hr = await newPage();
    await login(hr, 'hr');
    await openDemoRecruitment(hr);
    // The desk's table shows the scores so far and orders by them: the best first, as in the ranking.
    const ranking = hr.getByRole('table', { name: 'Yhteisvertailu' });
    const pageTable = hr.getByRole('table', { name: 'Hakemukset tällä sivulla' });
    await pageTable.getByRole('columnheader', { name: 'Painotettu keskiarvo' }).waitFor();
    await pageTable.getByRole('columnheader', { name: 'Arvioineita' }).waitFor();
    await hr.getByRole('button', { name: /Hakijan tunnuksen mukaan/ }).click();
    await hr.getByRole('option', { name: 'Pisteet, suurin ensin' }).click();
    assert.equal(
      (await pageTable.locator('tbody tr').first().locator('td').first().innerText()).trim(),
      (await ranking.locator('tbody tr').first().locator('td').nth(1).innerText()).trim(),
    );
    // Eligibility first: the lowest-ranked application misses the required qualification. It leaves
    // the ranking (it cannot be chosen), and the reason stays with the owner.
    const lowest = ranking.locator('tbody tr').last();
    const pseudonym = (await lowest.locator('td').nth(1).innerText()).trim();
    const card = hr.locator('article', { has: hr.getByRole('heading', { name: `Hakija ${pseudonym}`, exact: true }) });
    await card.getByText('Ei kelpoinen', { exact: true }).click();
    await card.getByLabel('Mikä vaatimus ei täyty').fill('Ei luokanopettajan kelpoisuutta');
    await expectAccessible(hr, 'eligibility');
    await card.getByRole('button', { name: `Tallenna kelpoisuus: ${pseudonym}` }).click();
    await ranking.getByRole('cell', { name: pseudonym, exact: true }).waitFor({ state: 'detached' });
    await card.getByText('Ei kelpoinen', { exact: true }).first().waitFor();
    // The best one at once from the top of the ranking (the owner still confirms).
    await hr.getByRole('spinbutton', { name: 'Kuinka monta parasta' }).fill('1');
    await hr.getByRole('button', { name: 'Valitse 1 parasta' }).click();
    assert.ok(await ranking.locator('tbody tr').first().locator('input[type=checkbox]').isChecked());
    assert.equal(await ranking.locator('input[type=checkbox]:checked').count(), 1);
    await hr.getByLabel('Perustelu valinnalle').fill('Paras yhteispistemäärä');
    await hr.getByRole('button', { name: /Valitse haastateltaviksi \(1\)/ }).click();
    await hr.getByRole('dialog').getByText(/pisteet lukitaan/).waitFor();
    await hr.getByRole('dialog').getByRole('button', { name: 'Valitse haastateltavat' }).click();
    await hr.getByText('Haastateltavat valittu; pisteet on lukittu.').waitFor();
    const liftButton = hr.getByRole('button', { name: /^Pura nimettömyys: / });
    await liftButton.click();
    const dialog = hr.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Purkamista ei voi perua/);
    await expectAccessible(hr, 'lift confirmation');
    await hr.screenshot({ path: join(screenshotDir, 'lift-confirmation-desktop.png') });
    await dialog.getByLabel('Peruste').fill('Kutsuttu haastatteluun 3.12.');
    await dialog.getByRole('button', { name: 'Pura nimettömyys' }).click();
    await hr.getByText('Nimettömyys purettu').first().waitFor();
    await hr.context().close();

    // An interview for the lifted applicant, then the decision, the explanation and the notice.
    // From a browser in New York: the time is still read on a Finnish clock.
    const owner = await newPage({ timezoneId: 'America/New_York' });
    await login(owner, 'hr');
    await openDemoRecruitment(owner);
    await owner.getByRole('textbox', { name: /^Päivä/ }).fill('15.1.2030');
    await owner.getByRole('textbox', { name: /^Kellonaika/ }).fill('10.00');
    await owner.getByLabel('Paikka tai videolinkki').fill('Kaupungintalo, huone 2');
    await owner.getByText('Reijo Reviewer').click();
    await owner.getByRole('button', { name: 'Sovi haastattelu' }).click();
    await owner.getByText('Haastattelukutsu lähetetty.').waitFor();
    await owner.getByText(/15\.1\.2030 klo 10\.00/).first().waitFor();
    await expectAccessible(owner, 'interviews');
    await owner.getByRole('textbox', { name: 'Perustelu', exact: true }).fill('Paras yhteispistemäärä ja vahva haastattelu.');
    await owner.getByRole('button', { name: 'Valintapäätös' }).click();
    await owner.getByRole('dialog').getByText(/Päätös on lopullinen/).waitFor();
    await owner.getByRole('dialog').getByRole('button', { name: 'Tee päätös' }).click();
    await owner.getByRole('button', { name: /Näytä selvitys/ }).first().waitFor();
    await owner.getByRole('heading', { name: 'Tehtävän vastaanottaminen ja ehdot' }).waitFor();
    await owner.getByRole('table', { name: 'Päätöksen tiedoksianto' }).waitFor();
    await owner.getByRole('button', { name: /Näytä selvitys/ }).first().click();
    await owner.locator('#explanation-title').waitFor();
    // The decision and the summary of applicants to sign and archive, as a PDF.
    const [pdf] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByRole('link', { name: 'Lataa valintapäätös ja hakijayhteenveto (PDF)' }).click(),
    ]);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString(), '%PDF-');
    await pdf.saveAs(join(screenshotDir, 'selection-decision.pdf'));
    // A rectification request arrives: the owner stops disposal, then releases the hold.
    await owner.getByLabel('Peruste (esim. oikaisuvaatimus vireillä)').fill('Oikaisuvaatimus saapui 1.12.');
    await owner.getByRole('button', { name: 'Estä hävittäminen' }).click();
    await owner.getByText('Hävittäminen on estetty: Oikaisuvaatimus saapui 1.12.').waitFor();
    await expectAccessible(owner, 'decision and explanation');
    await owner.screenshot({ path: join(screenshotDir, 'decided-owner-desktop.png'), fullPage: true });
    await owner.getByRole('button', { name: 'Poista pito' }).click();
    await owner.getByRole('button', { name: 'Estä hävittäminen' }).waitFor();
    await owner.context().close();

    const applicant = await newPage({ width: 360 });
    await applicant.goto(server.url + statusLink);
    await applicant.waitForSelector('[data-testid=status]');
    const outcome = await applicant.locator('[data-testid=status]').innerText();
    assert.match(outcome, /^(Valittu|Ei valittu|Varalla)$/);
    // The selected person accepts the post on the same page.
    if (outcome === 'Valittu') {
      await applicant.getByText('Sinut on valittu. Kerro, otatko tehtävän vastaan.').waitFor();
      await expectAccessible(applicant, 'offer of the post');
      await applicant.getByRole('button', { name: 'Otan tehtävän vastaan' }).click();
      await applicant.getByText('Olet ottanut tehtävän vastaan. Kiitos!').waitFor();
    }
    await applicant.getByRole('button', { name: 'Näytä selvitys' }).click();
    await applicant.locator('#explanation-title').waitFor();
    await expectAccessible(applicant, 'applicant explanation');
    await applicant.screenshot({ path: join(screenshotDir, 'status-decided-phone.png'), fullPage: true });
    await applicant.context().close();

    const reviewer = await newPage();
    await login(reviewer, 'reviewer');
    await openDemoRecruitment(reviewer);
    await reviewer.getByText('Nimettömyys purettu').first().waitFor();
    const seen = await pageContents(reviewer);
    const visible = ALL_IDENTITIES.filter((values) => values.some((v) => seen.includes(v)));
    assert.equal(visible.length, 1, `identities visible: ${JSON.stringify(visible)}`);
    for (const value of visible[0].slice(0, 3)) assert.ok(seen.includes(value), value);
    await reviewer.context().close();
  });

  test('the owner writes a fixed-term ad, the policy asks a reason for leaving it open, and it is published', async () => {
    const hr = await newPage({ lang: 'en', timezoneId: 'America/New_York' });
    await login(hr, 'hr');
    await hr.goto(server.url + '/staff/recruitments/new');
    await hr.waitForSelector('fieldset');
    // Permanent: the policy makes anonymity mandatory, so the choice is locked.
    assert.ok(await hr.getByRole('checkbox', { name: 'Anonymous recruitment' }).isDisabled());
    await hr.getByLabel('Title (Finnish)').fill('Kesätyöntekijä');
    await hr.getByLabel('Description FI').fill('Kirjaston kesätyö.');
    await hr.getByRole('button', { name: /Length/ }).click();
    await hr.getByRole('option', { name: 'Fixed-term' }).click();
    await hr.getByLabel('Ground for fixed term').fill('Kesätyö');
    await hr.getByRole('textbox', { name: /^End date/ }).fill('31.8.2031');
    await hr.getByRole('textbox', { name: /^Application period ends/ }).fill('30.4.2031');
    // Or picked from a calendar: it opens on the date typed, in the page's language.
    await hr.getByRole('button', { name: /^Choose date, Selected date 30/ }).click();
    const calendar = hr.getByRole('dialog');
    await calendar.waitFor();
    await expectAccessible(hr, 'deadline calendar');
    await hr.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });
    assert.equal(await hr.getByRole('textbox', { name: /^Application period ends/ }).inputValue(), '30.4.2031');
    await hr.getByLabel('Criterion 1 FI').fill('Asiakaspalvelukokemus');
    await hr.getByText('Reijo Reviewer').click();
    // Fixed-term: anonymous by default; turning it off needs a recorded reason.
    await hr.getByRole('checkbox', { name: 'Anonymous recruitment' }).click({ force: true });
    await hr.getByRole('button', { name: 'Publish' }).click();
    await hr.getByText(/reason/i).first().waitFor();
    assert.match(await hr.locator('[role=alert]').innerText(), /reason/i);
    await hr.getByLabel('Reason why this recruitment is not anonymous').fill('Lyhyt kesätyö, hakijoita tunnetaan vähän');
    await hr.getByRole('button', { name: 'Publish' }).click();
    // Publishing cannot be undone: a summary first, and the ad goes out only on confirmation.
    const dialog = hr.getByRole('dialog');
    await dialog.getByText(/cannot be undone/).waitFor();
    await expectAccessible(hr, 'publish confirmation');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await hr.waitForURL(/\/staff\/recruitments\/\d+$/);
    await expectAccessible(hr, 'published recruitment');
    // Written in New York as 30.4.2031 and the default 16.00: 16.00 Finnish summer time (UTC+3).
    const published = await (await fetch(`${server.url}/api/v1/jobs/${hr.url().split('/').pop()}`)).json();
    assert.equal(published.deadline, Date.UTC(2031, 3, 30, 13, 0) / 1000);
    await hr.goto(server.url + '/');
    await hr.getByRole('link', { name: 'Kesätyöntekijä' }).waitFor();
    await hr.context().close();
  });

  test('the registry office records a request, decides it and gives out the list of applicants', async () => {
    const page = await newPage({ lang: 'en' });
    await login(page, 'registry');
    await page.goto(server.url + '/staff/registry');
    await page.waitForSelector('fieldset');
    await page.getByRole('button', { name: /Recruitment/ }).first().click();
    await page.getByRole('option', { name: 'Librarian' }).click();
    await page.getByLabel('Requester', { exact: true }).fill('Local Paper Ltd');
    await page.getByLabel('What was asked').fill('The names of the applicants for the librarian post');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await page.getByRole('heading', { name: /Local Paper Ltd/ }).waitFor();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await page.getByRole('button', { name: 'Give out the list of applicants' }).click();
    await page.getByRole('table', { name: 'List of applicants' }).waitFor();
    await page.getByRole('table', { name: 'Disclosure log' }).getByText('List of applicants').waitFor();
    await page.getByRole('button', { name: 'Show the decision document' }).click();
    await page.getByRole('heading', { name: 'Decision on a request for public documents' }).waitFor();
    // The same decision as a PDF to sign and send.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    assert.match(download.suggestedFilename(), /^records-decision-\d+\.pdf$/);
    assert.equal(readFileSync(await download.path()).subarray(0, 5).toString(), '%PDF-');
    await expectAccessible(page, 'records request with the list and the decision');
    await page.screenshot({ path: join(screenshotDir, 'records-request-desktop.png'), fullPage: true });
    await page.context().close();

    // The desk offers identity only through the recorded request.
    const desk = await newPage({ lang: 'en' });
    await login(desk, 'registry');
    await desk.goto(server.url + '/staff/recruitments/2');
    await desk.waitForSelector('article');
    await desk.getByRole('button', { name: /Records request/ }).first().click();
    await desk.getByRole('option', { name: /Local Paper Ltd/ }).click();
    await desk.getByRole('button', { name: /^Show personal details/ }).first().click();
    await desk.locator('article p', { hasText: '@' }).first().waitFor();
    await desk.context().close();
  });

  test('the desk at real size: two hundred applications in pages of twenty, searched and filtered', async () => {
    // Two hundred applicants to the summer job published above (real-length letters with names).
    const jobs = await (await fetch(server.url + '/api/v1/jobs')).json();
    const job = jobs.jobs.find((j) => j.title.fi === 'Kesätyöntekijä');
    assert.ok(job, 'the summer job is on the board');
    const FIRST = ['Aada', 'Eetu', 'Helmi', 'Ilkka', 'Jenni', 'Kalle', 'Laura', 'Mikko', 'Noora'];
    const receipts = [];
    for (let i = 0; i < 200; i++) {
      const first = FIRST[i % FIRST.length];
      const last = `Kesäläinen${i}`;
      const res = await fetch(`${server.url}/api/v1/jobs/${job.id}/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `scale-${i}` },
        body: JSON.stringify({
          identity: { first_name: first, last_name: last, email: `${first.toLowerCase()}.${i}@example.fi`, language: 'fi' },
          merits: { education: [], experience: [], skills: [], languages: [] },
          free_text: {
            cover_letter:
              `Hei! Olen ${first} ${last} ja haen kesätöihin kirjastoon. Olen työskennellyt asiakaspalvelussa ` +
              `kahtena kesänä ja ${i % 2 ? 'pidän lukemisesta' : 'osaan järjestää tapahtumia'}. ` +
              'Esihenkilöni kehui minua täsmälliseksi ja ystävälliseksi. Kiitos ajastanne!',
            answers: [],
          },
        }),
      });
      assert.equal(res.status, 201);
      receipts.push(await res.json());
    }
    // One applicant withdraws from the status page: the page says so where focus goes.
    const applicant = await newPage();
    await applicant.goto(`${server.url}/status#ref=${receipts[7].reference}&token=${receipts[7].status_token}`);
    await applicant.getByRole('button', { name: 'Peru hakemus' }).click();
    await applicant.getByRole('dialog').getByRole('button', { name: 'Peru hakemus' }).click();
    await applicant.getByText('Hakemuksesi on peruttu. Emme käsittele sitä enää.').waitFor();
    assert.ok(await applicant.locator('.withdrawn-note').evaluate((p) => p === document.activeElement));
    await expectAccessible(applicant, 'withdrawn application');
    await applicant.context().close();
    // Another asks on a phone that a wrong detail be corrected (GDPR art. 16).
    const asker = await newPage({ width: 320 });
    const askerLink = `${server.url}/status#ref=${receipts[8].reference}&token=${receipts[8].status_token}`;
    await asker.goto(askerLink);
    await asker.getByRole('button', { name: 'Pyydä tietojen korjaamista' }).click();
    await asker
      .getByRole('textbox', { name: /Mikä tieto on väärin/ })
      .fill('Sukunimeni on Kesäläinen-Korpela, hakemuksessa se on väärin.');
    await asker.getByRole('button', { name: 'Lähetä korjauspyyntö' }).click();
    await asker.getByText(/Korjauspyyntö vastaanotettu. Saat vastauksen viimeistään/).waitFor();
    await asker.getByText('Odottaa vastausta').waitFor();
    await expectAccessible(asker, 'rectification request sent');
    await asker.screenshot({ path: join(screenshotDir, 'rectification-request-phone.png'), fullPage: true });
    const hr = await newPage();
    await login(hr, 'hr');
    await hr.goto(`${server.url}/staff/recruitments/${job.id}`);
    await hr.waitForSelector('article h3');
    // The owner sees that one waits, opens the words on purpose (logged) and answers.
    await hr.getByText('1 korjauspyyntö odottaa vastausta.').waitFor();
    assert.equal(await hr.getByText(/Kesäläinen-Korpela/).count(), 0);
    await hr.getByRole('button', { name: /Näytä pyyntöjen sisältö/ }).click();
    await hr.getByText(/Kesäläinen-Korpela/).waitFor();
    await hr.locator('label', { hasText: /^Korjattu$/ }).click();
    assert.ok(await hr.getByRole('radio', { name: 'Korjattu', exact: true }).isChecked());
    await hr.getByRole('textbox', { name: 'Mitä korjattiin?' }).fill('Sukunimi korjattu hakemuksen tietoihin.');
    await expectAccessible(hr, 'rectification answer');
    await hr.getByRole('button', { name: 'Lähetä vastaus' }).click();
    await hr.getByText('0 korjauspyyntöä odottaa vastausta.').waitFor();
    await asker.reload();
    await asker.getByText(/Korjattu: Sukunimi korjattu hakemuksen tietoihin./).waitFor();
    await asker.context().close();
    // The owner reads the recruitment's log in plain words, with names, narrowed to a kind.
    await hr.getByRole('link', { name: 'Näytä rekrytoinnin loki' }).click();
    await hr.getByRole('table', { name: `Rekrytoinnin ${job.id} loki` }).waitFor();
    // Two hundred applications make a long log: narrowed to correction requests, both steps show.
    await hr.getByRole('button', { name: /Kaikki/ }).click();
    await hr.getByRole('option', { name: 'Korjauspyynnöt' }).click();
    await hr.getByRole('cell', { name: 'Hakija pyysi tietojensa korjaamista' }).waitFor();
    await hr.getByRole('cell', { name: 'Vastasi korjauspyyntöön' }).waitFor();
    assert.equal(await hr.getByText('rectification.answer').count(), 0);
    assert.equal(await hr.getByRole('cell', { name: 'Julkaisi ilmoituksen' }).count(), 0);
    await expectAccessible(hr, 'the owner reads the recruitment log');
    await hr.screenshot({ path: join(screenshotDir, 'recruitment-log-owner.png'), fullPage: true });
    await hr.goto(`${server.url}/staff/recruitments/${job.id}`);
    await hr.waitForSelector('article h3');
    // One page of twenty cards, a table of the same twenty, and where we are.
    assert.equal(await hr.locator('article').count(), 20);
    assert.equal(await hr.getByRole('table', { name: 'Hakemukset tällä sivulla' }).locator('tbody tr').count(), 20);
    await hr.getByText('Näytetään 1–20 / 200 hakemusta (kaikkiaan 200)').waitFor();
    await expectAccessible(hr, 'desk with 200 applications');
    await hr.setViewportSize({ width: 360, height: 900 });
    await hr.screenshot({ path: join(screenshotDir, 'desk-200-applications-phone.png') });
    await hr.setViewportSize({ width: 1280, height: 900 });
    const firstPage = await hr.locator('article h3').allTextContents();
    await hr.getByRole('button', { name: 'Seuraava sivu' }).click();
    await hr.getByText('Sivu 2 / 10').waitFor();
    const secondPage = await hr.locator('article h3').allTextContents();
    assert.equal(secondPage.length, 20);
    assert.ok(secondPage.every((h) => !firstPage.includes(h)), 'page two shows other applications');
    await hr.getByRole('button', { name: 'Seuraava sivu' }).click();
    await hr.getByText('Sivu 3 / 10').waitFor();
    assert.equal(await hr.locator('article').count(), 20);
    // One at a time keeps the place: the first of page three is application 41 of 200.
    await hr.getByRole('button', { name: 'Yksi hakemus kerrallaan' }).click();
    await hr.getByText('Hakemus 41 / 200').waitFor();
    assert.equal(await hr.locator('article').count(), 1);
    await hr.getByRole('button', { name: 'Seuraava hakemus' }).click();
    await hr.getByText('Hakemus 42 / 200').waitFor();
    assert.ok(await hr.locator('article h3').evaluate((h) => h === document.activeElement), 'the next one takes the focus');
    await hr.getByRole('button', { name: 'Yksi hakemus kerrallaan' }).click();
    await hr.getByText('Sivu 3 / 10').waitFor();
    // A search by pseudonym finds that one application; the filter narrows to a status.
    const pseudonym = secondPage[0].replace(/^Hakija /, '');
    await hr.getByRole('textbox', { name: 'Hae hakemuksista' }).fill(pseudonym);
    await hr.getByText('Näytetään 1–1 / 1 hakemus (kaikkiaan 200)').waitFor();
    assert.equal(await hr.locator('article').count(), 1);
    await hr.getByRole('textbox', { name: 'Hae hakemuksista' }).fill('');
    await hr.getByRole('button', { name: /Kaikki/ }).click();
    await hr.getByRole('option', { name: 'Peruutetut' }).click();
    await hr.getByText('Näytetään 1–1 / 1 hakemus (kaikkiaan 200)').waitFor();
    assert.equal(await hr.locator('article').count(), 1);
    await hr.getByRole('button', { name: /Peruutetut/ }).click();
    await hr.getByRole('option', { name: 'Haastatteluun valitut' }).click();
    await hr.getByText('Ei hakemuksia näillä ehdoilla.').waitFor();
    assert.equal(await hr.locator('article').count(), 0);
    // Texts with nothing to look at go to reviewers in one go; the rest wait for the owner's check.
    await hr.getByRole('button', { name: 'Julkaise kaikki, joissa ei ole tarkistettavaa' }).click();
    // 199 texts in one go take a while under the sanitizers.
    const bulk = await hr.getByText(/^Julkaistu \d+; tarkistettavia \d+\.$/).innerText({ timeout: 120_000 });
    const [released, look] = bulk.match(/\d+/g).map(Number);
    assert.equal(released + look, 199, bulk);  // every active application, the withdrawn one not
    assert.ok(released > 0, bulk);
    await expectAccessible(hr, 'desk with 200 applications after the bulk release');
    // The list of recruitments says where each stands and how many applied; it is searched.
    await hr.goto(`${server.url}/staff`);
    await hr.getByRole('textbox', { name: 'Hae rekrytointeja' }).fill('kesätyö');
    const row = hr.getByRole('row', { name: /Kesätyöntekijä/ });
    await row.waitFor();
    assert.equal(await hr.locator('tbody tr').count(), 1);
    await row.getByRole('cell', { name: '199', exact: true }).waitFor();  // 200 applied, one withdrew
    await expectAccessible(hr, 'recruitments searched');
    await hr.context().close();
  });

  test('a draft kept on the server goes on from the e-mailed link on another device, and is gone once sent', async () => {
    // The summer job takes applications (the demo post has been decided); no mail relay is set yet,
    // so the link goes to the outbox.
    const jobs = await (await fetch(server.url + '/api/v1/jobs')).json();
    const job = jobs.jobs.find((j) => j.title.fi === 'Kesätyöntekijä');
    assert.ok(job, 'the summer job is on the board');
    const phone = await newPage({ width: 360 });
    await phone.goto(`${server.url}/jobs/${job.id}`);
    await phone.waitForSelector('form');
    await phone.locator('#apply-first_name').fill('Jatkaja');
    await phone.locator('#apply-last_name').fill('Luonnoksinen');
    await phone.locator('#apply-email').fill('jatkaja@example.test');
    await phone.locator('#apply-cover_letter').fill('Aloitin tämän puhelimella bussissa.');
    await phone.getByRole('button', { name: 'Tallenna luonnos ja lähetä linkki' }).click();
    await phone.getByText('Linkki lähetettiin osoitteeseen jatkaja@example.test', { exact: false }).waitFor();
    await phone.locator('#apply-cover_letter').fill('Aloitin tämän puhelimella bussissa ja jatkan kotona.');
    await phone.getByText(/Luonnos tallennettu klo \d/).waitFor();
    await expectAccessible(phone, 'form with a draft kept on the server (phone)');
    await phone.locator('button[type=submit]').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(screenshotDir, 'draft-kept-phone.png') });
    await phone.context().close();

    // The link from the e-mail, opened on a computer: the form goes on where the phone left it.
    const [text] = await mailTextsTo(server, 'jatkaja@example.test');
    assert.ok(text, 'no draft link was mailed');
    assert.match(text, /Luonnosta ei ole lähetetty työnantajalle/);
    const link = /http:\/\/127\.0\.0\.1\/jobs\/\d+#draft=[0-9a-f]+&secret=[A-Za-z0-9_-]+/.exec(text)?.[0];
    assert.ok(link, `no link in: ${text}`);
    const desk = await newPage({ width: 1280 });
    await desk.goto(server.url + link.slice('http://127.0.0.1'.length));
    await desk.getByText('Jatkat tallentamaasi luonnosta', { exact: false }).waitFor();
    await desk.waitForSelector('form');
    assert.equal(await desk.locator('#apply-first_name').inputValue(), 'Jatkaja');
    assert.equal(await desk.locator('#apply-cover_letter').inputValue(), 'Aloitin tämän puhelimella bussissa ja jatkan kotona.');
    assert.ok(!desk.url().includes('secret='), 'the secret leaves the address bar');
    for (const answer of await desk.locator('textarea[id^=apply-answer-]').all()) await answer.fill('Haluan tehdä tätä työtä.');
    await desk.locator('button[type=submit]').click();
    await desk.waitForSelector('[data-testid=reference]');
    // Sent: the link no longer opens a draft.
    await desk.goto(server.url + link.slice('http://127.0.0.1'.length));
    await desk.reload();
    await desk.getByText('Luonnosta ei löytynyt', { exact: false }).waitFor();
    assert.deepEqual(desk.cspViolations, []);
    await desk.context().close();
  });

  test('equality statistics: asked once the admin turns them on, given with consent, counted in the report', async () => {
    const admin = await newPage({ lang: 'en' });
    await login(admin, 'admin');
    await admin.goto(server.url + '/staff/admin');
    await admin.getByText('Statistics for equality monitoring (voluntary, with consent)').click();
    await admin.getByLabel('Legal basis: Statistics for equality monitoring (voluntary, with consent)').fill(
      'Tasa-arvolaki 6 § (tasa-arvosuunnitelma), hakijan suostumus',
    );
    const fields = admin.locator('section[aria-labelledby=fields-title]');
    await fields.getByRole('button', { name: 'Save' }).click();
    await fields.getByText(/Saved/).waitFor();
    await admin.context().close();

    // Five applicants give their statistics with consent (a group of five is shown).
    const jobs = await (await fetch(server.url + '/api/v1/jobs')).json();
    const job = jobs.jobs.find((j) => j.title.fi === 'Kesätyöntekijä');
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/api/v1/jobs/${job.id}/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          identity: { first_name: 'Tilasto', last_name: `Hakija${i}`, email: `tilasto.${i}@example.fi`, language: 'fi' },
          merits: { education: [], experience: [], skills: [], languages: [] },
          free_text: { cover_letter: 'Haen kesätöihin kirjastoon.', answers: [] },
          statistics: { gender: 'woman', age_band: 'under_30', language_group: 'fi' },
        }),
      });
      assert.equal(res.status, 201, await res.text());
    }
    const page = await newPage({ lang: 'fi' });
    await page.goto(`${server.url}/jobs/${job.id}`);
    await page.waitForSelector('form');
    await page.getByText('Tilastotiedot tasa-arvon seurantaan (vapaaehtoinen)').waitFor();
    await page.getByText('Annan tilastotiedot ja suostun').click();
    await page.getByRole('button', { name: /Sukupuoli/ }).click();
    await page.getByRole('option', { name: 'Nainen' }).click();
    await expectAccessible(page, 'form with equality statistics');
    await page.locator('#apply-first_name').fill('Viides');
    await page.locator('#apply-last_name').fill('Tilastohakija');
    await page.locator('#apply-email').fill('viides.tilasto@example.fi');
    await page.locator('button[type=submit]').click();
    await page.locator('#receipt-title').waitFor();
    await page.context().close();

    const auditor = await newPage({ lang: 'fi' });
    await login(auditor, 'auditor');
    await auditor.goto(server.url + '/staff/reports');
    const table = auditor.getByRole('table', { name: 'Sukupuoli' });
    await table.waitFor();
    const women = table.getByRole('row', { name: /^Nainen/ });
    // The summer job is not anonymous: the five are in the second group of columns.
    assert.match(await women.innerText(), /^Nainen\s+0\s+0\s+0\s+0\s+0\s+5\s+0\s+0\s+0\s+0$/);
    assert.match(await table.getByRole('row', { name: /^Mies/ }).innerText(), /ei näytetä|^Mies\s+0/);
    // Each dimension's chart (canvas with its summary) beside its table.
    const chart = auditor.getByRole('img', { name: /Haastatteluun valittujen osuus hakeneista ryhmittäin/ }).first();
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    await auditor.screenshot({ path: join(screenshotDir, 'equality-report-charts-desktop.png'), fullPage: true });
    await expectAccessible(auditor, 'equality report');
    await auditor.context().close();
  });

  test('a new mail server proposed by the admin waits until the HR specialist confirms it', async () => {
    const admin = await newPage({ lang: 'en' });
    await login(admin, 'admin');
    await admin.goto(server.url + '/staff/admin');
    await admin.getByLabel('SMTP server').fill('127.0.0.1');
    await admin.getByLabel('Port').fill('2');
    await admin.getByLabel('Sender address').fill('rekry@kemijarvi.test');
    await admin.getByRole('button', { name: 'Save' }).last().click();
    await admin.getByText('Waiting for another admin or HR specialist to confirm.').first().waitFor();
    await admin.context().close();

    const hr = await newPage({ lang: 'en' });
    await login(hr, 'hr');
    await hr.getByText('A change of mail server is waiting for confirmation').waitFor();
    await expectAccessible(hr, 'pending mail server');
    await hr.getByRole('button', { name: 'Confirm the new server' }).click();
    await hr.getByText('The new server is in use.').waitFor();
    await hr.context().close();
  });
  test('the librarian post is decided by its named decision-maker, blind until the shortlist', async () => {
    // The owner chooses the interviewees and lifts their anonymity; the decision form is not theirs.
    const hr = await newPage();
    await login(hr, 'hr');
    await hr.goto(server.url + '/staff/recruitments/2');
    await hr.waitForSelector('article h3');
    await hr.locator('table input[type=checkbox]').first().check({ force: true });
    await hr.getByLabel('Perustelu valinnalle').fill('Paras yhteispistemäärä');
    await hr.getByRole('button', { name: /Valitse haastateltaviksi \(1\)/ }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Valitse haastateltavat' }).click();
    await hr.getByText('Haastateltavat valittu; pisteet on lukittu.').waitFor();
    await hr.getByText('Valintapäätöksen tekee nimetty päätöksentekijä.').waitFor();
    assert.equal(await hr.getByRole('button', { name: 'Valintapäätös' }).count(), 0);
    await hr.getByRole('button', { name: 'Pura kaikkien haastateltavien nimettömyys' }).click();
    const dialog = hr.getByRole('dialog');
    await dialog.getByLabel('Peruste').fill('Kutsutaan haastatteluun 10.12.');
    await dialog.getByRole('button', { name: 'Pura nimettömyys' }).click();
    await hr.getByText('Nimettömyys purettu').first().waitFor();
    await hr.context().close();

    // The decision-maker sees the shortlisted one, by name now, and decides.
    const dm = await newPage({ width: 360 });
    await login(dm, 'decision');
    await dm.goto(server.url + '/staff/recruitments/2');
    const brief = dm.getByRole('table', { name: 'Haastatteluun valitut' });
    await brief.waitFor();
    assert.equal(await brief.locator('tbody tr').count(), 1);
    const who = (await brief.locator('tbody tr th').first().innerText()).trim();
    assert.match(who, / – /, 'the lifted applicant is named');
    await expectAccessible(dm, 'decision brief on a phone');
    await dm.getByRole('button', { name: who }).click();
    await dm.getByRole('option', { name: 'Valittu', exact: true }).click();
    await dm.getByRole('textbox', { name: 'Perustelu', exact: true }).fill('Vahvin kokemus lasten ja nuorten kirjastotyöstä ja hyvä haastattelu.');
    await dm.getByRole('button', { name: 'Valintapäätös' }).click();
    await dm.getByRole('dialog').getByRole('button', { name: 'Tee päätös' }).click();
    await dm.getByRole('heading', { name: 'Päätös on tehty' }).waitFor();
    const [pdf] = await Promise.all([
      dm.waitForEvent('download'),
      dm.getByRole('link', { name: 'Lataa valintapäätös ja hakijayhteenveto (PDF)' }).click(),
    ]);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString(), '%PDF-');
    await dm.getByRole('heading', { name: 'Tehtävän vastaanottaminen ja ehdot' }).waitFor();
    await expectAccessible(dm, 'decided by the decision-maker');
    await dm.screenshot({ path: join(screenshotDir, 'decision-maker-decided-phone.png'), fullPage: true });
    await dm.context().close();
  });

  test('the admin changes an account and turns it off; its session ends', async () => {
    const admin = await newPage();
    await login(admin, 'admin');
    await admin.goto(server.url + '/staff/admin');
    // A summer worker's account, made for the test, then changed and turned off in the UI.
    const temp = await newPage();
    await login(temp, 'admin');
    const created = await temp.evaluate(async () => {
      const me = await (await fetch('/api/v1/session')).json();
      const res = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({ username: 'kesa', display_name: 'Kesä Työntekijä', role: 'reviewer', password: 'kesatyontekija-2026' }),
      });
      return res.status;
    });
    assert.equal(created, 201);
    await temp.context().close();
    await admin.reload();
    const users = admin.locator('section', { has: admin.getByRole('heading', { name: 'Käyttäjät', exact: true }) });
    await users.getByRole('button', { name: /Valitse/ }).click();
    await admin.getByRole('option', { name: /Kesä Työntekijä/ }).click();
    await users.getByRole('textbox', { name: 'Nimi' }).first().fill('Kesä Kirjastotyöntekijä');
    await users.getByText('Tunnus on käytössä').click();
    await expectAccessible(admin, 'changing an account');
    await users.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByRole('cell', { name: 'Kesä Kirjastotyöntekijä' }).waitFor();
    await admin.getByRole('row', { name: /Kesä Kirjastotyöntekijä/ }).getByText('Poistettu käytöstä').waitFor();
    await admin.context().close();
  });
});
