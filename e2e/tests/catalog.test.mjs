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
  createContact,
  createCounterparty,
  createSite,
  createUnit,
  fillContractForm,
  logIn,
  newUser,
  typeConcepts,
} from '../support/actions.mjs';
import { apiAs } from '../support/api.mjs';
import { startApp } from '../support/server.mjs';

const COMPANY = 'Edificaciones del Bajío';

function concept(code, description, unit, quantity, unitPrice) {
  return { code, description, unit, quantity, unitPrice };
}

/** DOMAIN.md's worked example: its catalog adds up to $499,829.13. */
const CONCEPTS = [
  concept('C1', 'Excavación', 'm3', '120.00', '185.50'),
  concept('C2', "Concreto f'c=250", 'm3', '85.50', '2450.75'),
  concept('C3', 'Acero de refuerzo', 'kg', '9800', '27.35'),
];

/**
 * A client with a site and a contact, and a contract the auxiliar is assigned to, with one
 * concept and one retention.
 */
async function arrangeAssignedContract(baseUrl, director, auxiliar) {
  const api = await apiAs(baseUrl, director);
  const unit = await api('POST', '/units', { name: 'lote' });
  const client = await api('POST', '/counterparties', { kind: 'client', name: 'Plaza Juriquilla' });
  const site = await api('POST', '/sites', { counterparty_id: client.id, name: 'Lote 7' });
  const contact = await api('POST', '/contacts', {
    counterparty_id: client.id,
    name: 'Ing. Laura Méndez',
  });
  const contract = await api('POST', '/contracts', {
    name: 'Locales comerciales',
    date: '2026-02-01',
    counterparty_id: client.id,
    site_id: site.id,
    amount: '250000.00',
  });
  await api('POST', `/contracts/${contract.id}/concepts`, {
    concepts: [
      { code: 'L1', description: 'Limpieza', unit_id: unit.id, quantity: '1', unit_price: '100' },
    ],
  });
  await api('POST', `/contracts/${contract.id}/retentions`, {
    name: 'Fondo de garantía',
    kind: 'percentage',
    value: '5',
  });
  const members = await api('GET', '/members');
  const ids = members.items
    .filter((member) => [director.email, auxiliar.email].includes(member.email))
    .map((member) => member.id);
  await api('PUT', `/contracts/${contract.id}/users`, { user_ids: ids });
  return { client, site, contact, contract };
}

describe('setting up a contract and its catalog', () => {
  const director = newUser({ level: 'director', company: COMPANY });
  const auxiliar = newUser({ level: 'auxiliar', company: COMPANY });
  let app;
  let browser;
  let arranged;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(director);
    await app.createUser(auxiliar);
    arranged = await arrangeAssignedContract(app.baseUrl, director, auxiliar);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a director sets up a catalog, retentions and a subcontract', async (page) => {
    await logIn(page, director);
    await createUnit(page, { name: 'm3', description: 'Metro cúbico' });
    await createUnit(page, { name: 'kg', description: 'Kilogramo' });
    await createCounterparty(page, { kind: 'client', name: 'Desarrollos Hidalgo' });
    await createCounterparty(page, { kind: 'subcontractor', name: 'Cimentaciones Ortiz' });
    await page.getByTestId('kind-filter-subcontractor').click();
    await expectPath(page, '/contrapartes?tipo=subcontractor');
    await expectText(page.getByTestId('counterparty-row'), /^Cimentaciones Ortiz/);
    await createSite(page, { client: 'Desarrollos Hidalgo', name: 'Torre Norte, predio 3' });
    await createContact(page, {
      counterparty: 'Desarrollos Hidalgo (Cliente)',
      name: 'Arq. Pablo Ruiz',
      position: 'Residente de supervisión',
    });

    await page.getByTestId('nav-contracts').click();
    await page.getByTestId('new-contract').click();
    await fillContractForm(page, {
      name: 'Torre Norte',
      code: 'TN-01',
      counterparty: 'Desarrollos Hidalgo (Cliente)',
      site: 'Torre Norte, predio 3 (Desarrollos Hidalgo)',
      amount: '499829.13',
    });
    await expectText(page.getByTestId('contract-title'), /Torre Norte$/);
    await expectText(page.getByTestId('contract-amount'), '$499,829.13');
    await expectText(page.getByTestId('concepts-empty'), 'El catálogo aún no tiene conceptos.');

    // A mistake in the third row is shown at that row, and nothing is saved.
    await typeConcepts(page, [CONCEPTS[0], CONCEPTS[1], { ...CONCEPTS[2], unitPrice: 'abc' }]);
    await page.getByTestId('save-concepts').click();
    const third = page.getByTestId('concept-draft').nth(2);
    await expectVisible(third.getByTestId('concept-unit-price-error'));
    assert.equal(await page.getByTestId('concept-row').count(), 0, 'no concept was saved');
    await third.getByTestId('concept-unit-price').fill(CONCEPTS[2].unitPrice);
    await page.getByTestId('save-concepts').click();

    await expectText(page.getByTestId('catalog-total'), '$499,829.13');
    assert.equal(await page.getByTestId('concept-row').count(), 3);
    await expectText(page.getByTestId('concept-amount').nth(1), '$209,539.13');

    await page.getByTestId('retention-preset-cinco_al_millar').click();
    await expectText(
      page.getByTestId('retention').first().getByTestId('retention-terms'),
      '0.5 % del importe bruto',
    );
    assert.equal(await page.getByTestId('retention-preset-cinco_al_millar').isDisabled(), true);
    await page.getByTestId('retention-name').fill('Cuota sindical');
    await page.getByTestId('retention-kind').selectOption('fixed');
    await page.getByTestId('retention-value').fill('1000.00');
    await page.getByTestId('retention-submit').click();
    const custom = page.getByTestId('retention').filter({ hasText: 'Cuota sindical' });
    await expectText(custom.getByTestId('retention-terms'), '$1,000.00 por estimación');
    assert.equal(await page.getByTestId('retention').count(), 2);
    await expectVisible(page.getByTestId('assigned-user').filter({ hasText: director.name }));

    const parentPath = new URL(page.url()).pathname;
    await page.getByTestId('new-subcontract').click();
    await expectPath(page, /^\/contratos\/nuevo\?padre=\d+$/);
    await expectText(page.getByTestId('contract-parent'), /Torre Norte/);
    await fillContractForm(page, {
      name: 'Cimentación profunda',
      counterparty: 'Cimentaciones Ortiz (Subcontratista)',
      amount: '150000',
    });

    await expectText(page.getByTestId('contract-counterparty'), 'Cimentaciones Ortiz');
    await expectText(page.getByTestId('breadcrumb'), /Torre Norte$/);
    await page.getByTestId('breadcrumb').getByRole('link').click();
    await expectPath(page, parentPath);
    await expectText(page.getByTestId('subcontract-link'), /Cimentación profunda$/);
  });

  journey('deleting a client that contracts refer to says why it cannot', async (page) => {
    await logIn(page, director);

    await page.goto(`/contrapartes/${arranged.client.id}`);
    await page.getByTestId('delete-counterparty').click();
    await page.getByTestId('delete-counterparty-confirm').click();

    await expectVisible(page.getByTestId('delete-error'));
    await page.reload();
    await expectVisible(page.getByTestId('counterparty-form'));
    assert.equal(await page.getByTestId('counterparty-name').inputValue(), 'Plaza Juriquilla');
  });

  journey('a director corrects a concept and a retention in place', async (page) => {
    await logIn(page, director);
    await page.goto(`/contratos/${arranged.contract.id}`);
    await expectText(page.getByTestId('catalog-total'), '$100.00');

    await page.getByTestId('edit-concept').click();
    await page.getByTestId('concept-edit-quantity').fill('2.5');
    await page.getByTestId('concept-edit-save').click();
    await page.getByTestId('edit-retention').click();
    await page.getByTestId('retention-edit-value').fill('-1');
    await page.getByTestId('retention-edit-submit').click();
    await expectVisible(page.getByTestId('retention-edit-value-error'));
    await page.getByTestId('retention-edit-value').fill('2.5');
    await page.getByTestId('retention-edit-submit').click();

    await expectText(page.getByTestId('catalog-total'), '$250.00');
    await expectText(page.getByTestId('retention-terms'), '2.5 % del importe bruto');
  });

  journey('an auxiliar sees no button for what their level may not do', async (page) => {
    await logIn(page, auxiliar);

    await expectVisible(page.getByTestId('contract-row'));
    assert.equal(await page.getByTestId('new-contract').count(), 0, 'no "Nuevo contrato"');
    await page.getByTestId('contract-link').click();
    await expectText(page.getByTestId('contract-title'), /Locales comerciales$/);
    await expectVisible(page.getByTestId('assigned-user').filter({ hasText: auxiliar.name }));
    await expectVisible(page.getByTestId('catalog-total'));
    await expectVisible(page.getByTestId('retention'));
    await expectVisible(page.getByTestId('subcontracts-empty'));
    for (const hidden of [
      'edit-contract',
      'delete-contract',
      'edit-concept',
      'delete-concept',
      'edit-retention',
      'delete-retention',
      'concept-batch-form',
      'retention-presets',
      'retention-form',
      'new-subcontract',
      'edit-assigned-users',
    ]) {
      assert.equal(await page.getByTestId(hidden).count(), 0, `no ${hidden}`);
    }

    for (const [path, button] of [
      [`/contrapartes/${arranged.client.id}`, 'delete-counterparty'],
      [`/sitios/${arranged.site.id}`, 'delete-site'],
      [`/contactos/${arranged.contact.id}`, 'delete-contact'],
    ]) {
      await page.goto(path);
      await expectVisible(page.locator('form.record-form'));
      assert.equal(await page.getByTestId(button).count(), 0, `no ${button} at ${path}`);
    }
    await page.goto('/contrapartes');
    await expectVisible(page.getByTestId('new-counterparty'));
  });
});
