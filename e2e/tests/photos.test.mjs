import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { expectText, expectVisible, journeys, launchBrowser } from '../support/browser.mjs';
import { logIn, newUser } from '../support/actions.mjs';
import { apiAs } from '../support/api.mjs';
import { startApp } from '../support/server.mjs';

/** A valid 1×1 PNG, so the server has a real image to turn into its JPEG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A contract of two concepts with a draft estimate 1; `invoiced` bills and locks it. */
async function arrangeEstimate(baseUrl, user, { invoiced = false } = {}) {
  const api = await apiAs(baseUrl, user);
  const m2 = await api('POST', '/units', { name: 'm2' });
  const client = await api('POST', '/counterparties', { kind: 'client', name: 'Municipio' });
  const contract = await api('POST', '/contracts', {
    name: 'Banquetas',
    date: '2026-02-01',
    counterparty_id: client.id,
    amount: '100000.00',
  });
  const { items: concepts } = await api('POST', `/contracts/${contract.id}/concepts`, {
    concepts: [
      { code: 'B1', description: 'Banqueta', unit_id: m2.id, quantity: '100', unit_price: '500' },
      { code: 'B2', description: 'Guarnición', unit_id: m2.id, quantity: '50', unit_price: '300' },
    ],
  });
  const estimate = await api('POST', `/contracts/${contract.id}/estimates`, {
    period_start: '2026-03-01',
    period_end: '2026-03-31',
  });
  if (invoiced) {
    await api('PUT', `/estimates/${estimate.id}/lines`, {
      lines: [{ concept_id: concepts[0].id, quantity: '10', notes: 'Tramo norte' }],
    });
    await api('POST', `/estimates/${estimate.id}/invoice`, { date: '2026-04-05' });
  }
  return { api, estimate };
}

/** The grid's line of the concept with code `code`, and the details row opened under it. */
function line(page, code) {
  return page.locator(`[data-testid="estimate-line"][data-code="${code}"]`);
}

function details(page, code) {
  return page.locator(`[data-testid="line-details-row"][data-code="${code}"]`);
}

describe('notes and photos of estimate lines', () => {
  const photographer = newUser({ level: 'director', company: 'Banquetas del Centro' });
  const annotator = newUser({ level: 'director', company: 'Pavimentos de Occidente' });
  const reviewer = newUser({ level: 'director', company: 'Guarniciones del Sur' });
  let app;
  let browser;
  let photographed;
  let annotated;
  let locked;
  const journey = journeys(() => ({ browser, baseUrl: app.baseUrl }));

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    await app.createUser(photographer);
    await app.createUser(annotator);
    await app.createUser(reviewer);
    photographed = await arrangeEstimate(app.baseUrl, photographer);
    annotated = await arrangeEstimate(app.baseUrl, annotator);
    locked = await arrangeEstimate(app.baseUrl, reviewer, { invoiced: true });
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  journey('a director attaches a photo of the work to a line', async (page) => {
    await logIn(page, photographer);
    await page.goto(`/estimaciones/${photographed.estimate.id}`);
    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '0');

    await line(page, 'B1').getByTestId('open-line-details').click();
    const panel = details(page, 'B1');
    await expectVisible(panel.getByTestId('photos-empty'));
    // The server's answer is held back a moment, so the upload's progress can be seen.
    await page.route('**/photos', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await panel
      .getByTestId('photo-input')
      .setInputFiles({ name: 'banqueta.png', mimeType: 'image/png', buffer: PNG });
    await expectText(panel.getByTestId('photo-progress'), /Subiendo foto… \d+ %/);

    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '1');
    await panel.getByTestId('photo-progress').waitFor({ state: 'detached' });
    await page.unroute('**/photos');
    const photo = panel.getByTestId('line-photo');
    await expectVisible(photo.locator('img'));
    const width = await photo.locator('img').evaluate(async (img) => {
      await img.decode();
      return img.naturalWidth;
    });
    assert.equal(width, 1, 'the thumbnail shows the stored photo');
    await expectText(line(page, 'B2').getByTestId('line-photo-count'), '0');

    // A text file named like a photo: the server reads it and refuses it.
    await panel.getByTestId('photo-input').setInputFiles({
      name: 'notas.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('esto no es una foto\n'),
    });
    await expectText(panel.getByTestId('photo-error'), /No se pudo subir «notas\.jpg»: .+/);
    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '1');

    await page.reload();
    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '1');
    await line(page, 'B1').getByTestId('open-line-details').click();
    await details(page, 'B1').getByTestId('delete-photo').click();
    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '0');
    await page.reload();
    await expectText(line(page, 'B1').getByTestId('line-photo-count'), '0');
  });

  journey('notes typed on a line survive a reload', async (page) => {
    await logIn(page, annotator);
    await page.goto(`/estimaciones/${annotated.estimate.id}`);

    await line(page, 'B2').getByTestId('open-line-details').click();
    await details(page, 'B2').getByTestId('line-notes').fill('Tramo entre calles 3 y 5');
    await expectVisible(page.getByTestId('unsaved'));
    await line(page, 'B2').getByTestId('line-quantity').fill('12.5');
    await page.getByTestId('save-lines').click();
    await page.getByTestId('unsaved').waitFor({ state: 'hidden' });

    await page.reload();
    await expectText(line(page, 'B2').getByTestId('open-line-details'), /Observaciones ✓/);
    assert.equal(await line(page, 'B2').getByTestId('line-quantity').inputValue(), '12.5');
    await line(page, 'B2').getByTestId('open-line-details').click();
    assert.equal(
      await details(page, 'B2').getByTestId('line-notes').inputValue(),
      'Tramo entre calles 3 y 5',
    );
  });

  journey('an invoiced estimate shows its notes and photos but takes no changes', async (page) => {
    await logIn(page, reviewer);
    await page.goto(`/estimaciones/${locked.estimate.id}`);
    await expectVisible(page.getByTestId('estimate-locked'));

    await line(page, 'B1').getByTestId('open-line-details').click();
    const panel = details(page, 'B1');
    assert.equal(await panel.getByTestId('line-notes').inputValue(), 'Tramo norte');
    assert.equal(await panel.getByTestId('line-notes').getAttribute('readonly'), '');
    await expectVisible(panel.getByTestId('photos-empty'));
    assert.equal(await panel.getByTestId('photo-input').count(), 0, 'no uploading');
  });
});
