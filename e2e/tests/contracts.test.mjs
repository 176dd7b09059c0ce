import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { expectPath, expectText, journeys, launchBrowser } from '../support/browser.mjs';
import { logIn, newUser, searchContracts } from '../support/actions.mjs';
import { apiAs } from '../support/api.mjs';
import { startApp } from '../support/server.mjs';

const TOTAL = 45;

/** Creates TOTAL contracts through the API, CT-001 to CT-045, each of $1,234,567.80. */
async function createManyContracts(baseUrl, user) {
  const api = await apiAs(baseUrl, user);
  const client = await api('POST', '/counterparties', {
    kind: 'client',
    name: 'Municipio de León',
  });
  for (let folio = 1; folio <= TOTAL; folio += 1) {
    await api('POST', '/contracts', {
      code: `CT-${String(folio).padStart(3, '0')}`,
      name: `Pavimentación tramo ${folio}`,
      date: '2026-01-15',
      counterparty_id: client.id,
      amount: '1234567.80',
    });
  }
}

/** Records the contract-list queries the SPA sends, without touching them. */
function watchContractQueries(page) {
  const asked = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/v1/contracts' || request.method() !== 'GET') return;
    const params = url.searchParams;
    const [limit, offset] = [Number(params.get('limit')), Number(params.get('offset'))];
    asked.push({ q: params.get('q'), limit, offset });
  });
  return asked;
}

describe('browsing contracts', () => {
  const director = newUser({ level: 'director', company: 'Urbanizadora del Valle' });
  const paver = newUser({ level: 'director', company: 'Pavimentos del Norte' });
  let app;
  let browser;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(director);
    await app.createUser(paver);
    await createManyContracts(app.baseUrl, paver);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a company without contracts says so, and a search finds nothing', async (page) => {
    await logIn(page, director);
    await expectText(page.getByTestId('contracts-empty'), 'Aún no hay contratos en esta empresa.');

    await searchContracts(page, 'Hidalgo');

    await expectPath(page, '/contratos?q=Hidalgo');
    const noMatch = page.getByTestId('contracts-no-match');
    await expectText(noMatch, 'Ningún contrato coincide con «Hidalgo».');
  });

  journey('a user searches and pages through a long list of contracts', async (page) => {
    const asked = watchContractQueries(page);
    await logIn(page, paver);

    await searchContracts(page, 'tramo');
    await expectText(page.getByTestId('contracts-range'), '1–20 de 45');
    const firstRow = page.getByTestId('contract-row').first();
    await expectText(firstRow.locator('td').nth(1), 'CT-001');
    await expectText(firstRow.locator('td').nth(3), '$1,234,567.80');
    await page.getByTestId('contracts-next').click();
    await page.getByTestId('contracts-next').click();

    await expectPath(page, '/contratos?q=tramo&offset=40');
    await expectText(page.getByTestId('contracts-range'), '41–45 de 45');
    assert.equal(await page.getByTestId('contract-row').count(), 5);
    assert.equal(await page.getByTestId('contracts-next').getAttribute('aria-disabled'), 'true');
    await page.getByTestId('contracts-page-size').selectOption('50');
    await expectPath(page, '/contratos?q=tramo&limit=50');
    await expectText(page.getByTestId('contracts-range'), '1–45 de 45');
    assert.deepEqual(asked.at(-1), { q: 'tramo', limit: 50, offset: 0 });
    assert.deepEqual(asked.slice(-4).map((query) => query.offset), [0, 20, 40, 0]);
  });
});
