import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { expectPath, expectText, journeys, launchBrowser } from '../support/browser.mjs';
import { logIn, newUser, searchContracts } from '../support/actions.mjs';
import { startApp } from '../support/server.mjs';

const TOTAL = 45;

/** A contract as the API lists it. */
function contract(folio) {
  return {
    id: folio,
    folio,
    code: `CT-${String(folio).padStart(3, '0')}`,
    name: `Pavimentación tramo ${folio}`,
    short_name: `Tramo ${folio}`,
    date: '2026-01-15',
    amount: '1234567.8',
    open: true,
    parent_id: null,
  };
}

/**
 * Answers the contracts list with a page of TOTAL made-up contracts, and records what the SPA
 * asked for. Until contracts can be created, this is the only way to see a full list.
 */
async function serveManyContracts(page) {
  const asked = [];
  await page.route('**/api/v1/contracts?*', (route) => {
    const params = new URL(route.request().url()).searchParams;
    const limit = Number(params.get('limit'));
    const offset = Number(params.get('offset'));
    asked.push({ q: params.get('q'), limit, offset });
    const count = Math.max(0, Math.min(limit, TOTAL - offset));
    const folios = Array.from({ length: count }, (_, i) => offset + i + 1);
    return route.fulfill({ json: { items: folios.map(contract), total: TOTAL, limit, offset } });
  });
  return asked;
}

describe('browsing contracts', () => {
  const director = newUser({ level: 'director', company: 'Urbanizadora del Valle' });
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

  journey('a company without contracts says so, and a search finds nothing', async (page) => {
    await logIn(page, director);
    await expectText(page.getByTestId('contracts-empty'), 'Aún no hay contratos en esta empresa.');

    await searchContracts(page, 'Hidalgo');

    await expectPath(page, '/contratos?q=Hidalgo');
    const noMatch = page.getByTestId('contracts-no-match');
    await expectText(noMatch, 'Ningún contrato coincide con «Hidalgo».');
  });

  journey('a user searches and pages through a long list of contracts', async (page) => {
    await logIn(page, director);
    const asked = await serveManyContracts(page);

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
    assert.deepEqual(asked.map((query) => query.offset), [0, 20, 40, 0]);
  });
});
