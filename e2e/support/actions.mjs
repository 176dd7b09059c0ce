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

/** Creates a unit of measure from the Unidades page and waits to be back at the list. */
export async function createUnit(page, { name, description = '' }) {
  await page.getByTestId('nav-units').click();
  await page.getByTestId('new-unit').click();
  await page.getByTestId('unit-name').fill(name);
  await page.getByTestId('unit-description').fill(description);
  await page.getByTestId('unit-submit').click();
  await expectPath(page, '/unidades');
  await expectVisible(page.getByTestId('unit-row').filter({ hasText: name }));
}

/** Creates a counterparty; `kind` is client, piece_worker or subcontractor. */
export async function createCounterparty(page, { kind, name, legalName = '', taxId = '' }) {
  await page.getByTestId('nav-counterparties').click();
  await page.getByTestId('new-counterparty').click();
  await page.getByTestId('counterparty-kind').selectOption(kind);
  await page.getByTestId('counterparty-name').fill(name);
  await page.getByTestId('counterparty-legal-name').fill(legalName);
  await page.getByTestId('counterparty-tax-id').fill(taxId);
  await page.getByTestId('counterparty-submit').click();
  await expectPath(page, '/contrapartes');
  await expectVisible(page.getByTestId('counterparty-row').filter({ hasText: name }));
}

/** Creates a site of the client named `client`. */
export async function createSite(page, { client, name, address = '' }) {
  await page.getByTestId('nav-sites').click();
  await page.getByTestId('new-site').click();
  await page.getByTestId('site-client').selectOption({ label: `${client} (Cliente)` });
  await page.getByTestId('site-name').fill(name);
  await page.getByTestId('site-address').fill(address);
  await page.getByTestId('site-submit').click();
  await expectPath(page, '/sitios');
  await expectVisible(page.getByTestId('site-row').filter({ hasText: name }));
}

/** Creates a contact at the counterparty whose option reads `counterparty`. */
export async function createContact(page, { counterparty, name, position = '' }) {
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('new-contact').click();
  await page.getByTestId('contact-counterparty').selectOption({ label: counterparty });
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-position').fill(position);
  await page.getByTestId('contact-submit').click();
  await expectPath(page, '/contactos');
  await expectVisible(page.getByTestId('contact-row').filter({ hasText: name }));
}

/**
 * Fills the open contract form (new contract or subcontract) and saves it; waits for the
 * new contract's page. `counterparty` and `site` are option labels.
 */
export async function fillContractForm(page, { name, code = '', counterparty, site, amount }) {
  await page.getByTestId('contract-name').fill(name);
  await page.getByTestId('contract-code').fill(code);
  await page.getByTestId('contract-counterparty').selectOption({ label: counterparty });
  if (site) await page.getByTestId('contract-site').selectOption({ label: site });
  await page.getByTestId('contract-amount').fill(amount);
  await page.getByTestId('contract-submit').click();
  await expectPath(page, /^\/contratos\/\d+$/);
}

/** Types concepts into the rows of the catalog form, adding rows as needed (no saving). */
export async function typeConcepts(page, concepts) {
  const rows = page.getByTestId('concept-draft');
  for (const [index, concept] of concepts.entries()) {
    if (index > 0) await page.getByTestId('add-concept-row').click();
    const row = rows.nth(index);
    await row.getByTestId('concept-code').fill(concept.code);
    await row.getByTestId('concept-description').fill(concept.description);
    await row.getByTestId('concept-unit').selectOption({ label: concept.unit });
    await row.getByTestId('concept-quantity').fill(concept.quantity);
    await row.getByTestId('concept-unit-price').fill(concept.unitPrice);
  }
}
