import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import {
  expectPath,
  expectText,
  expectVisible,
  journeys,
  launchBrowser,
} from '../support/browser.mjs';
import { logIn, newUser, submitLogin } from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

describe('logging in', () => {
  const director = newUser({ level: 'director', company: 'Edificaciones Hidalgo' });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(director);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a user logs in through the form and sees the contracts page', async (page) => {
    await page.goto('/');
    await expectPath(page, /^\/login\?next=/);
    await expectText(page.getByRole('heading', { level: 1 }), 'Iniciar sesión');

    await submitLogin(page, director);

    await expectPath(page, '/contratos');
    await expectText(page.getByRole('heading', { level: 1 }), 'Contratos');
    await expectText(page.getByTestId('contracts-empty'), 'Aún no hay contratos en esta empresa.');
    await expectText(page.getByTestId('active-company'), 'Edificaciones Hidalgo');
    await expectText(page.getByTestId('user-menu'), new RegExp(director.name));
    assert.equal(await page.title(), 'Contratos · Construbot');
  });

  journey('a wrong password shows an error and stays on the login page', async (page) => {
    await page.goto('/login');

    await submitLogin(page, { email: director.email, password: 'no-es-la-contrasena' });

    await expectText(page.getByTestId('login-error'), 'Correo o contraseña incorrectos.');
    await expectPath(page, '/login');
    assert.equal(await page.getByTestId('login-email').inputValue(), director.email);
  });

  journey('an unknown email gets the same error as a wrong password', async (page) => {
    await page.goto('/login');

    await submitLogin(page, { email: 'nadie@e2e.construbot.test', password: director.password });

    await expectText(page.getByTestId('login-error'), 'Correo o contraseña incorrectos.');
  });

  journey('a deep link while logged out goes to login and then back', async (page) => {
    await page.goto('/contratos?q=hidalgo');
    await expectPath(page, `/login?next=${encodeURIComponent('/contratos?q=hidalgo')}`);

    await submitLogin(page, director);

    await expectPath(page, '/contratos?q=hidalgo');
    assert.equal(await page.getByTestId('contracts-search').inputValue(), 'hidalgo');
    const noMatch = page.getByTestId('contracts-no-match');
    await expectText(noMatch, 'Ningún contrato coincide con «hidalgo».');
  });

  journey('a signed-in user who opens the login page goes on to the contracts', async (page) => {
    await logIn(page, director);

    await page.goto('/login');

    await expectPath(page, '/contratos');
  });

  journey('an unknown address shows the not-found page', async (page) => {
    await page.goto('/no-existe/para-nada');

    await expectVisible(page.getByTestId('not-found'));
    await expectText(page.getByRole('heading', { level: 1 }), 'Página no encontrada');
  });
});
