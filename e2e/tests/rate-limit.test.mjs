import { after, before, describe } from 'node:test';

import { expectPath, expectText, journeys, launchBrowser } from '../support/browser.mjs';
import { newUser, submitLogin } from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

describe('guessing passwords', () => {
  const director = newUser({ level: 'director', company: 'Montajes Industriales' });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp({ env: { LOGIN_LIMIT_PER_EMAIL: '2', LOGIN_LIMIT_WINDOW_SECS: '600' } });
    browser = await launchBrowser();
    await app.createUser(director);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('too many wrong passwords make the user wait, saying how long', async (page) => {
    const guess = { email: director.email, password: 'adivinanza-equivocada' };
    await page.goto('/login');

    for (let attempt = 0; attempt < 2; attempt += 1) {
      await submitLogin(page, guess);
      await expectText(page.getByTestId('login-error'), 'Correo o contraseña incorrectos.');
    }
    await submitLogin(page, director);

    const wait = /^Demasiados intentos\. Intenta de nuevo en \d+ segundos\.$/;
    await expectText(page.getByTestId('login-error'), wait);
    await expectPath(page, '/login');
  });
});
