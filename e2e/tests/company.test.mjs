import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { expectPath, expectText, journeys, launchBrowser } from '../support/browser.mjs';
import { logIn, newUser } from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

describe('working in several companies', () => {
  const first = 'Constructora Peninsular';
  const second = 'Pavimentos del Sureste';
  const director = newUser({ level: 'director', company: first });
  const soloUser = newUser({ level: 'auxiliar', company: first });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(director);
    await app.createUser({ ...director, company: second });
    await app.createUser(soloUser);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a user switches the active company and the page follows', async (page) => {
    await logIn(page, director);
    await expectText(page.getByTestId('active-company'), first);
    const switcher = page.getByTestId('company-switcher');
    assert.deepEqual(await switcher.locator('option').allTextContents(), [first, second].sort());
    const reload = page.waitForResponse('**/api/v1/contracts?*');

    await switcher.selectOption({ label: second });

    await expectText(page.getByTestId('active-company'), second);
    assert.equal((await reload).status(), 200, 'the contracts list was loaded again');
    await page.reload();
    await expectText(page.getByTestId('active-company'), second);
    const selected = await switcher.evaluate((select) => select.selectedOptions[0].textContent);
    assert.equal(selected, second);
  });

  journey('the switcher shows the company of a user who works in only one', async (page) => {
    await logIn(page, soloUser);

    await expectText(page.getByTestId('active-company'), first);
    const switcher = page.getByTestId('company-switcher');
    assert.equal(await switcher.isDisabled(), true);
    assert.deepEqual(await switcher.locator('option').allTextContents(), [first]);
    await expectPath(page, '/contratos');
  });
});
