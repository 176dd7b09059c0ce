import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import {
  expectPath,
  expectText,
  expectVisible,
  journeys,
  launchBrowser,
} from '../support/browser.mjs';
import {
  logIn,
  logOut,
  newUser,
  searchContracts,
  storedRefreshToken,
  submitLogin,
} from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

const EXPIRED = 'Tu sesión expiró; inicia sesión de nuevo.';

/** Answers a request the way the API answers a refused access token. */
function unauthorized(route) {
  return route.fulfill({
    status: 401,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401 }),
  });
}

describe('keeping a session', () => {
  const coordinador = newUser({ level: 'coordinador', company: 'Obras Civiles del Bajío' });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(coordinador);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('the session survives a page reload', async (page) => {
    await logIn(page, coordinador);
    const before = await storedRefreshToken(page);

    await page.reload();

    await expectPath(page, '/contratos');
    await expectText(page.getByTestId('active-company'), 'Obras Civiles del Bajío');
    await expectText(page.getByTestId('contracts-assigned-only'), /asignados/);
    const renewed = await storedRefreshToken(page);
    assert.ok(renewed, 'a refresh token is kept');
    assert.notEqual(renewed, before, 'the used refresh token was replaced');
  });

  journey('logging out sends the user to login, and a reload stays logged out', async (page) => {
    await logIn(page, coordinador);
    await page.getByTestId('user-menu').click();
    await expectText(page.getByTestId('user-level'), 'Coordinador');

    await page.getByTestId('logout').click();

    await expectPath(page, '/login');
    await expectVisible(page.getByTestId('login-email'));
    assert.equal(await storedRefreshToken(page), null);
    await page.reload();
    await expectVisible(page.getByTestId('login-email'));
    await expectPath(page, '/login');
    await page.goto('/contratos');
    await expectPath(page, /^\/login\?next=/);
  });

  journey('an expired access token is renewed without the user noticing', async (page) => {
    await logIn(page, coordinador);
    let asked = 0;
    await page.route('**/api/v1/contracts?*', (route) =>
      ++asked === 1 ? unauthorized(route) : route.continue(),
    );
    const renewal = page.waitForResponse('**/api/v1/auth/refresh');

    await searchContracts(page, 'puente');

    assert.equal((await renewal).status(), 200);
    await expectPath(page, '/contratos?q=puente');
    const noMatch = page.getByTestId('contracts-no-match');
    await expectText(noMatch, 'Ningún contrato coincide con «puente».');
    assert.equal(asked, 2, 'the list was asked for again after renewing');
  });

  journey('when the session cannot be renewed, the user logs in again', async (page) => {
    await logIn(page, coordinador);
    await page.route('**/api/v1/contracts?*', unauthorized);
    await page.route('**/api/v1/auth/refresh', unauthorized);

    await searchContracts(page, 'presa');

    await expectPath(page, `/login?next=${encodeURIComponent('/contratos?q=presa')}`);
    await expectText(page.getByTestId('login-notice'), EXPIRED);
    await page.unrouteAll();
    await submitLogin(page, coordinador);
    await expectPath(page, '/contratos?q=presa');
  });

  journey('after logging out, the back button leads to login', async (page) => {
    await logIn(page, coordinador);

    await logOut(page);
    await page.goBack();

    await expectPath(page, /^\/login/);
  });
});
