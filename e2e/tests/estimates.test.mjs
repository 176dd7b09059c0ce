import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import {
  expectPath,
  expectText,
  expectVisible,
  journeys,
  launchBrowser,
} from '../support/browser.mjs';
import { logIn, newUser } from '../support/actions.mjs';
import { apiAs } from '../support/api.mjs';
import { startApp } from '../support/server.mjs';

/**
 * DOMAIN.md's worked example: a $499,829.13 contract with a 30 % advance, its three concepts,
 * the 5-al-millar fee on the gross and a fixed $1,000.00 retention.
 */
async function arrangeWorkedExample(baseUrl, user, name) {
  const api = await apiAs(baseUrl, user);
  const m3 = await api('POST', '/units', { name: 'm3' });
  const kg = await api('POST', '/units', { name: 'kg' });
  const client = await api('POST', '/counterparties', {
    kind: 'client',
    name: 'Desarrollos Hidalgo',
  });
  const contact = await api('POST', '/contacts', {
    counterparty_id: client.id,
    name: 'Arq. Pablo Ruiz',
    position: 'Residente',
  });
  const contract = await api('POST', '/contracts', {
    name,
    code: 'TN-01',
    date: '2026-02-01',
    counterparty_id: client.id,
    amount: '499829.13',
    advance_percent: '30',
  });
  const concept = (code, description, unit, quantity, unitPrice) => ({
    code,
    description,
    unit_id: unit.id,
    quantity,
    unit_price: unitPrice,
  });
  await api('POST', `/contracts/${contract.id}/concepts`, {
    concepts: [
      concept('C1', 'Excavación', m3, '120.00', '185.50'),
      concept('C2', "Concreto f'c=250", m3, '85.50', '2450.75'),
      concept('C3', 'Acero de refuerzo', kg, '9800.00', '27.35'),
    ],
  });
  await api('POST', `/contracts/${contract.id}/retentions`, {
    name: '5 al millar',
    kind: 'percentage',
    base: 'gross',
    value: '0.5',
  });
  await api('POST', `/contracts/${contract.id}/retentions`, {
    name: 'Cuota sindical',
    kind: 'fixed',
    value: '1000.00',
  });
  return { api, contract, contact, m3 };
}

/** A subcontract of `parent.contract` that billed $10,000.00 within March 2026. */
async function arrangeSubcontractEstimate({ api, contract, m3 }) {
  const party = await api('POST', '/counterparties', {
    kind: 'subcontractor',
    name: 'Cimentaciones Ortiz',
  });
  const subcontract = await api('POST', '/contracts', {
    name: 'Pilotes',
    date: '2026-02-15',
    counterparty_id: party.id,
    amount: '50000.00',
    parent_id: contract.id,
  });
  const { items } = await api('POST', `/contracts/${subcontract.id}/concepts`, {
    concepts: [
      { code: 'P1', description: 'Pilote', unit_id: m3.id, quantity: '10', unit_price: '5000' },
    ],
  });
  const estimate = await api('POST', `/contracts/${subcontract.id}/estimates`, {
    period_start: '2026-03-10',
    period_end: '2026-03-20',
  });
  await api('PUT', `/estimates/${estimate.id}/lines`, {
    lines: [{ concept_id: items[0].id, quantity: '2', notes: '' }],
  });
}

/** The worked example's estimate 1, invoiced, and a blank estimate 2 after it. */
async function arrangeSecondEstimate(baseUrl, user) {
  const arranged = await arrangeWorkedExample(baseUrl, user, 'Libramiento');
  const { api, contract } = arranged;
  const { items: concepts } = await api('GET', `/contracts/${contract.id}/concepts?limit=1000`);
  const id = (code) => concepts.find((concept) => concept.code === code).id;
  const first = await api('POST', `/contracts/${contract.id}/estimates`, {
    period_start: '2026-03-01',
    period_end: '2026-03-31',
  });
  await api('PUT', `/estimates/${first.id}/lines`, {
    lines: [
      { concept_id: id('C1'), quantity: '60.25' },
      { concept_id: id('C2'), quantity: '20.333' },
    ],
  });
  await api('POST', `/estimates/${first.id}/invoice`, { date: '2026-04-05' });
  arranged.estimate = await api('POST', `/contracts/${contract.id}/estimates`, {
    period_start: '2026-04-01',
    period_end: '2026-04-30',
  });
  return arranged;
}

/** The grid's line of the concept with code `code`. */
function line(page, code) {
  return page.locator(`[data-testid="estimate-line"][data-code="${code}"]`);
}

describe('billing an estimate', () => {
  const director = newUser({ level: 'director', company: 'Obras del Bajío' });
  // Its own company, so its estimates stay off the first journey's dashboard.
  const supervisor = newUser({ level: 'director', company: 'Cimentaciones del Centro' });
  const auxiliar = newUser({ level: 'auxiliar', company: 'Cimentaciones del Centro' });
  const biller = newUser({ level: 'director', company: 'Urbanizadora del Norte' });
  let app;
  let browser;
  let billed;
  let measured;
  let second;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(director);
    await app.createUser(supervisor);
    await app.createUser(auxiliar);
    await app.createUser(biller);
    billed = await arrangeWorkedExample(app.baseUrl, director, 'Torre Norte');
    measured = await arrangeWorkedExample(app.baseUrl, supervisor, 'Puente Sur');
    measured.estimate = await measured.api('POST', `/contracts/${measured.contract.id}/estimates`, {
      period_start: '2026-03-01',
      period_end: '2026-03-31',
    });
    const members = await measured.api('GET', '/members');
    const ids = members.items
      .filter((member) => [supervisor.email, auxiliar.email].includes(member.email))
      .map((member) => member.id);
    await measured.api('PUT', `/contracts/${measured.contract.id}/users`, { user_ids: ids });
    await arrangeSubcontractEstimate(measured);
    second = await arrangeSecondEstimate(app.baseUrl, biller);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a director bills estimate 1 and watches it move on the dashboard', async (page) => {
    await logIn(page, director);
    await page.goto(`/contratos/${billed.contract.id}`);
    await expectVisible(page.getByTestId('estimates-empty'));

    await page.getByTestId('new-estimate').click();
    await page.getByTestId('estimate-period-start').fill('2026-03-01');
    await page.getByTestId('estimate-period-end').fill('2026-03-31');
    await page.getByTestId('estimate-drafted-by').selectOption({ label: director.name });
    await page
      .getByTestId('estimate-authorized-by')
      .selectOption({ label: 'Arq. Pablo Ruiz (Residente)' });
    await page.getByTestId('estimate-submit').click();
    await expectPath(page, /^\/estimaciones\/\d+$/);
    await expectText(page.getByTestId('estimate-title'), 'Estimación 1');
    await expectText(page.getByTestId('estimate-state'), 'Borrador');
    assert.equal(await page.getByTestId('estimate-line').count(), 3, 'every concept is a line');

    // The totals follow the typing, before anything is saved.
    await line(page, 'C1').getByTestId('line-quantity').fill('60.25');
    await expectText(line(page, 'C1').getByTestId('line-this-amount'), '$11,176.38');
    await line(page, 'C2').getByTestId('line-quantity').fill('20.333');
    await expectText(line(page, 'C2').getByTestId('line-this-amount'), '$49,831.10');
    await expectVisible(page.getByTestId('unsaved'));
    await expectText(page.getByTestId('total-gross'), '$61,007.48');
    await expectText(page.getByTestId('total-amortization'), '$18,302.24');
    await expectText(page.getByTestId('total-subtotal'), '$42,705.24');
    await expectText(page.getByTestId('total-retentions'), '$1,305.04');
    await expectText(page.getByTestId('total-net'), '$41,400.20');
    assert.equal(await page.getByTestId('total-tax').count(), 0, 'no IVA without a tax rate');

    await page.getByTestId('save-lines').click();
    await expectText(page.getByTestId('tie-out-lines'), 'Las columnas suman ✓');
    await page.getByTestId('unsaved').waitFor({ state: 'hidden' });
    await page.reload();
    await expectText(page.getByTestId('total-net'), '$41,400.20');
    assert.equal(await line(page, 'C2').getByTestId('line-quantity').inputValue(), '20.333');
    await expectText(line(page, 'C2').getByTestId('line-percent'), '23.78 %');

    await page.getByTestId('nav-dashboard').click();
    await expectPath(page, '/tablero');
    await expectText(page.getByTestId('pending-invoice-total'), '$61,007.48');
    await expectText(page.getByTestId('pending-invoice-row'), /Torre Norte.*Estimación 1/);
    await expectVisible(page.getByTestId('pending-payment-empty'));
    await expectText(page.getByTestId('progress-percent'), '12.21 %');

    await page.getByTestId('pending-estimate-link').click();
    await page.getByTestId('invoice-date').fill('2026-04-05');
    await page.getByTestId('invoice').click();
    await expectText(page.getByTestId('estimate-state'), 'Facturada el 2026-04-05');
    await expectVisible(page.getByTestId('estimate-locked'));
    assert.equal(await page.getByTestId('save-lines').count(), 0, 'a locked estimate is read-only');
    assert.equal(await page.getByTestId('delete-estimate').count(), 0);
    assert.equal(
      await line(page, 'C1').getByTestId('line-quantity').getAttribute('readonly'),
      '',
      'its quantities cannot be typed',
    );

    await page.getByTestId('nav-dashboard').click();
    await expectText(page.getByTestId('pending-payment-total'), '$61,007.48');
    await expectText(page.getByTestId('pending-payment-row'), /Estimación 1.*2026-04-05/);
    await expectVisible(page.getByTestId('pending-invoice-empty'));
    await expectText(page.getByTestId('pending-invoice-total'), '$0.00');

    await page.getByTestId('pending-estimate-link').click();
    await page.getByTestId('pay-date').fill('2026-04-20');
    await page.getByTestId('pay').click();
    await expectText(page.getByTestId('estimate-state'), 'Pagada el 2026-04-20');
    await page.getByTestId('nav-dashboard').click();
    await expectVisible(page.getByTestId('pending-payment-empty'));
  });

  journey('an assigned auxiliar captures quantities but does not bill', async (page) => {
    await logIn(page, auxiliar);
    await page.goto(`/estimaciones/${measured.estimate.id}`);
    await expectText(page.getByTestId('estimate-title'), 'Estimación 1');

    await line(page, 'C3').getByTestId('line-quantity').fill('abc');
    await page.getByTestId('save-lines').click();
    await expectVisible(line(page, 'C3').getByTestId('line-quantity-error'));
    await line(page, 'C3').getByTestId('line-quantity').fill('100');
    await expectText(line(page, 'C3').getByTestId('line-this-amount'), '$2,735.00');
    // Left unsaved: the take-off journey owns this estimate's figures.

    for (const action of ['invoice', 'pay', 'unlock', 'delete-estimate']) {
      assert.equal(await page.getByTestId(action).count(), 0, `no ${action} for an auxiliar`);
    }
  });

  journey('the take-off of a line sets its quantity', async (page) => {
    await logIn(page, supervisor);
    await page.goto(`/estimaciones/${measured.estimate.id}`);
    const excavation = line(page, 'C1');

    // Typing past the contracted quantity is flagged at once.
    await excavation.getByTestId('line-quantity').fill('130');
    await expectVisible(excavation.getByTestId('over-contract'));
    await excavation.getByTestId('line-quantity').fill('');
    assert.equal(await excavation.getByTestId('over-contract').count(), 0);

    await excavation.getByTestId('open-takeoff').click();
    const editor = page.getByTestId('takeoff-editor');
    const rows = editor.getByTestId('measurement-row');
    await rows.nth(0).getByTestId('measurement-label').fill('Zapata 1');
    await rows.nth(0).getByTestId('measurement-length').fill('10');
    await rows.nth(0).getByTestId('measurement-width').fill('2');
    await rows.nth(0).getByTestId('measurement-height').fill('0.5');
    await expectText(rows.nth(0).getByTestId('measurement-quantity'), '10.00');
    await editor.getByTestId('add-measurement').click();
    await rows.nth(1).getByTestId('measurement-label').fill('Dados');
    await rows.nth(1).getByTestId('measurement-length').fill('3');
    await rows.nth(1).getByTestId('measurement-width').fill('1');
    await rows.nth(1).getByTestId('measurement-height').fill('1');
    await rows.nth(1).getByTestId('measurement-pieces').fill('2');
    await expectText(editor.getByTestId('takeoff-total'), '16.00');
    await editor.getByTestId('save-takeoff').click();

    await editor.waitFor({ state: 'detached' });
    assert.equal(await excavation.getByTestId('line-quantity').inputValue(), '16');
    await expectText(excavation.getByTestId('line-this-amount'), '$2,968.00');
    await expectText(page.getByTestId('total-gross'), '$2,968.00');

    await page.reload();
    assert.equal(await line(page, 'C1').getByTestId('line-quantity').inputValue(), '16');
    await expectText(line(page, 'C1').getByTestId('open-takeoff'), 'Generador ✓');
    await expectText(page.getByTestId('total-net'), '$1,062.76');
  });

  journey('the subcontracts billed in the period are one click away', async (page) => {
    await logIn(page, supervisor);
    await page.goto(`/estimaciones/${measured.estimate.id}`);

    await page.getByTestId('subcontract-report-link').click();

    await expectPath(page, `/estimaciones/${measured.estimate.id}/subcontratos`);
    await expectText(page.getByTestId('report-row'), /Pilotes.*Cimentaciones Ortiz.*Estimación 1/);
    await expectText(page.getByTestId('report-total-this'), '$10,000.00');
    await page.getByTestId('report-estimate-link').click();
    await expectText(page.getByTestId('estimate-title'), 'Estimación 1');
  });

  journey('estimate 2 builds on estimate 1, and the latest draft is deleted', async (page) => {
    await logIn(page, biller);
    await page.goto(`/estimaciones/${second.estimate.id}`);
    await expectText(page.getByTestId('estimate-title'), 'Estimación 2');
    const excavation = line(page, 'C1');
    await expectText(excavation.getByTestId('line-previous-amount'), '$11,176.38');

    await excavation.getByTestId('line-quantity').fill('65.00');
    await line(page, 'C2').getByTestId('line-quantity').fill('30.1');
    await line(page, 'C3').getByTestId('line-quantity').fill('4500.5');

    await expectVisible(excavation.getByTestId('over-contract'));
    await expectText(excavation.getByTestId('line-to-date-amount'), '$23,233.88');
    await expectText(excavation.getByTestId('line-pending-amount'), '-$973.88');
    await expectText(excavation.getByTestId('line-percent'), '104.38 %');
    await expectText(page.getByTestId('total-gross'), '$208,913.76');
    await expectText(page.getByTestId('total-amortization'), '$62,674.13');
    await expectText(page.getByTestId('total-net'), '$144,195.06');
    await expectText(page.getByTestId('tie-out-prior'), /✓$/);

    await page.getByTestId('delete-estimate').click();
    await page.getByTestId('delete-estimate-confirm').click();
    await expectPath(page, `/contratos/${second.contract.id}`);
    await expectText(page.getByTestId('estimate-row'), /Estimación 1.*facturada/);
  });
});
