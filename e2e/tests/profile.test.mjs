import { after, before, describe } from 'node:test';

import {
  expectPath,
  expectText,
  expectVisible,
  journeys,
  launchBrowser,
} from '../support/browser.mjs';
import { logIn, logOut, newUser, submitLogin } from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

describe('looking after one’s profile', () => {
  const auxiliar = newUser({ level: 'auxiliar', company: 'Residencia de Obra Querétaro' });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(auxiliar);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function fillPasswordForm(page, current, next, confirmation = next) {
    await page.getByTestId('current-password').fill(current);
    await page.getByTestId('new-password').fill(next);
    await page.getByTestId('confirm-password').fill(confirmation);
    await page.getByTestId('password-submit').click();
  }

  journey('a user opens their profile from the user menu', async (page) => {
    await logIn(page, auxiliar);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('profile-link').click();

    await expectPath(page, '/perfil');
    await expectText(page.getByTestId('profile-name'), auxiliar.name);
    await expectText(page.getByTestId('profile-email'), auxiliar.email);
    await expectText(page.getByTestId('profile-level'), 'Auxiliar');
  });

  journey('changing the password shows the server’s objections, then works', async (page) => {
    const newPassword = `${auxiliar.password}-nueva`;
    await logIn(page, auxiliar);
    await page.goto('/perfil');

    await fillPasswordForm(page, 'no-es-la-actual-123', newPassword);
    await expectVisible(page.getByTestId('current-password-error'));
    await fillPasswordForm(page, auxiliar.password, 'corta');
    await expectVisible(page.getByTestId('new-password-error'));
    await fillPasswordForm(page, auxiliar.password, newPassword, `${newPassword}x`);
    await expectText(page.getByTestId('confirm-password-error'), 'Las contraseñas no coinciden.');
    await fillPasswordForm(page, auxiliar.password, newPassword);
    await expectVisible(page.getByTestId('password-changed'));

    await page.reload();
    await expectText(page.getByTestId('profile-name'), auxiliar.name);
    await logOut(page);
    await expectPath(page, '/login');
    await submitLogin(page, { email: auxiliar.email, password: auxiliar.password });
    await expectText(page.getByTestId('login-error'), 'Correo o contraseña incorrectos.');
    await submitLogin(page, { email: auxiliar.email, password: newPassword });
    await expectPath(page, '/contratos');
  });
});
