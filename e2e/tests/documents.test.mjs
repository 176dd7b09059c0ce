import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';

import { expectText, expectVisible, journeys, launchBrowser } from '../support/browser.mjs';
import { logIn, newUser } from '../support/actions.mjs';
import { apiAs } from '../support/api.mjs';
import { repoRoot, startApp } from '../support/server.mjs';

const FIXTURES = join(repoRoot, 'backend', 'tests', 'fixtures');
/** 20 concepts as an office sends them: a title block, numbers as text, units in capitals. */
const OFFICE_CATALOG = join(FIXTURES, 'catalogo-calle-hidalgo-formato-oficina.xlsx');
const OFFICE_EXPECTED = join(FIXTURES, 'catalogo-calle-hidalgo-formato-oficina.expected.json');
const PROTECTED = join(FIXTURES, 'real', 'calamine', 'pass_protected.xlsx');

/** "$1,234.50", as the app writes money. */
function money(cents) {
  const pesos = Math.trunc(cents / 100).toLocaleString('en-US');
  return `$${pesos}.${String(cents % 100).padStart(2, '0')}`;
}

/** The office catalog's amount, added up in cents from its expected values. */
function expectedCatalogAmount() {
  const concepts = JSON.parse(readFileSync(OFFICE_EXPECTED, 'utf8'));
  const cents = concepts
    .map((concept) => Math.round(Number(concept.amount) * 100))
    .reduce((sum, amount) => sum + amount, 0);
  return { count: concepts.length, amount: money(cents) };
}

/** A client and `count` contracts of it with empty catalogs, so each journey has its own. */
async function arrangeEmptyContracts(api, count) {
  const client = await api('POST', '/counterparties', {
    kind: 'client',
    name: 'Ayuntamiento de Pachuca',
  });
  const contracts = [];
  for (let index = 1; index <= count; index += 1) {
    contracts.push(
      await api('POST', '/contracts', {
        name: `Rehabilitación de la calle Hidalgo, etapa ${index}`,
        date: '2026-05-04',
        counterparty_id: client.id,
        amount: '6000000.00',
      }),
    );
  }
  return contracts;
}

/** A contract of one concept with a draft estimate that bills some of it. */
async function arrangeEstimate(api) {
  const m2 = await api('POST', '/units', { name: 'm2' });
  const client = await api('POST', '/counterparties', { kind: 'client', name: 'Municipio' });
  const contract = await api('POST', '/contracts', {
    name: 'Banquetas del centro',
    date: '2026-02-01',
    counterparty_id: client.id,
    amount: '50000.00',
  });
  const { items: concepts } = await api('POST', `/contracts/${contract.id}/concepts`, {
    concepts: [
      { code: 'B1', description: 'Banqueta', unit_id: m2.id, quantity: '100', unit_price: '500' },
    ],
  });
  const estimate = await api('POST', `/contracts/${contract.id}/estimates`, {
    period_start: '2026-03-01',
    period_end: '2026-03-31',
  });
  await api('PUT', `/estimates/${estimate.id}/lines`, {
    lines: [{ concept_id: concepts[0].id, quantity: '12.5' }],
  });
  return estimate;
}

/** Opens the catalog's import dialog on the contract's page. */
async function openCatalogImport(page, contract) {
  await page.goto(`/contratos/${contract.id}`);
  await expectVisible(page.getByTestId('concepts-empty'));
  await page.getByTestId('import-concepts').click();
  const dialog = page.getByRole('dialog', { name: 'Importar catálogo' });
  await expectVisible(dialog);
  return dialog;
}

describe('importing catalogs and downloading documents', () => {
  const editor = newUser({ level: 'director', company: 'Pavimentos de Hidalgo' });
  let app;
  let browser;
  let imported;
  let refused;
  let estimate;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(editor);
    const api = await apiAs(app.baseUrl, editor);
    [imported, refused] = await arrangeEmptyContracts(api, 2);
    estimate = await arrangeEstimate(api);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('an editor imports a catalog from the office spreadsheet', async (page) => {
    const expected = expectedCatalogAmount();
    await logIn(page, editor);
    const dialog = await openCatalogImport(page, imported);

    await dialog.getByTestId('import-file').setInputFiles(OFFICE_CATALOG);

    await expectText(dialog.getByTestId('import-ok-count'), String(expected.count));
    await expectText(dialog.getByTestId('import-error-count'), '0');
    const okRows = dialog.locator('[data-testid="import-row"][data-status="ok"]');
    assert.equal(await okRows.count(), 20, 'one ok row per concept of the sheet');
    await expectText(dialog.getByTestId('import-amount'), expected.amount);
    await expectVisible(dialog.getByTestId('import-new-units'));
    assert.equal(await dialog.getByTestId('import-fix-note').count(), 0, 'nothing to fix');

    await expectText(dialog.getByTestId('import-confirm'), 'Importar 20 conceptos');
    await dialog.getByTestId('import-confirm').click();

    await dialog.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('import-notice'), 'Se importaron 20 conceptos');
    await expectText(page.getByTestId('catalog-total'), expected.amount);
    assert.equal(await page.getByTestId('concept-row').count(), 20);
    await expectVisible(page.getByTestId('concept-row').filter({ hasText: 'PAV-02' }));
  });

  journey('a password-protected spreadsheet is refused, saying what to do', async (page) => {
    await logIn(page, editor);
    const dialog = await openCatalogImport(page, refused);

    await dialog.getByTestId('import-file').setInputFiles(PROTECTED);

    await expectText(dialog.getByTestId('import-error'), /password|contraseña/i);
    assert.equal(await dialog.getByTestId('import-confirm').count(), 0, 'nothing to import');
    await dialog.getByTestId('import-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(page.getByTestId('concepts-empty'));
  });

  journey('an editor downloads the estimate as a PDF', async (page) => {
    await logIn(page, editor);
    await page.goto(`/estimaciones/${estimate.id}`);
    const documents = page.getByTestId('estimate-documents');
    await expectVisible(documents);
    assert.equal(await documents.getByTestId('paper-letter').isChecked(), true, 'Carta first');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByTestId('download-estimate-pdf').click(),
    ]);

    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
    assert.match(download.suggestedFilename(), /\.pdf$/);
    await expectText(documents.getByTestId('download-estimate-pdf'), 'PDF de la estimación');

    // The paper chosen is the one offered next time.
    await documents.getByTestId('paper-a4').check();
    await page.reload();
    await expectVisible(page.getByTestId('estimate-documents'));
    assert.equal(await page.getByTestId('paper-a4').isChecked(), true, 'A4 is remembered');
  });
});
