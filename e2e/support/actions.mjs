// What a user does, in the words of the UI, found by stable selectors (data-testid).

import { randomBytes } from 'node:crypto';

import { expectPath, expectVisible } from './browser.mjs';

/** A user of this test file only; pass it to `app.createUser`. */
export function newUser({ level = 'director', company = 'Constructora del Norte', ...rest } = {}) {
  const tag = randomBytes(4).toString('hex');
  return {
    email: `usuario-${tag}@e2e.construbot.test`,
    password: `contrasena-${tag}-segura`,
    level,
    customer: 'Grupo Constructor E2E',
    company,
    name: `Usuaria Prueba ${tag}`,
    ...rest,
  };
}

/** Fills the login form and submits it. */
export async function submitLogin(page, { email, password }) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens the login page, logs in and waits for the contracts page. */
export async function logIn(page, user) {
  await page.goto('/login');
  await submitLogin(page, user);
  await expectPath(page, '/contratos');
  await expectVisible(page.getByTestId('user-menu'));
}

export async function logOut(page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
}

/** Searches the contracts list from its search box. */
export async function searchContracts(page, text) {
  await page.getByTestId('contracts-search').fill(text);
  await page.getByTestId('contracts-search-submit').click();
}

/** The refresh token the SPA keeps across reloads, or null. */
export async function storedRefreshToken(page) {
  return page.evaluate(() => window.localStorage.getItem('construbot.refresh_token'));
}
