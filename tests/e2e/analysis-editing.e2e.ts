import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// Editing the analysis in real Chromium on the sample project: a partner school
// chosen in the Cases view (a school already paired elsewhere refused next to the
// control) and seen in Analysis › Pairs; a case-study template edited — a section
// added with two codes, moved up — and the draft following it across a reload.

let browser: Browser;
let app: App;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.bridge.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('transcript').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const view = (name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name }).click();
const sub = (name: string) => page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name }).click();
const partnerOf = (name: string) => page.getByLabel(`Partner of ${name}`);
/** As a researcher does: the list is filled in when the control is reached (here by focus), then a partner is picked. */
async function pickPartner(name: string, option: string | { label: string }) {
  await partnerOf(name).focus();
  await partnerOf(name).selectOption(option);
}
const chosenPartner = (name: string) => partnerOf(name).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

describe('editing the analysis (Chromium)', () => {
  it('chooses a partner school in the Cases view, refuses one already paired, and shows the pair in Analysis › Pairs', async () => {
    await view('Cases');
    await page.getByTestId('cases-table').waitFor();
    await expect.poll(() => chosenPartner('Hillcrest Academy')).toBe('Lahore Crescent School');
    await expect.poll(() => partnerOf('Mbale Primary School').locator('option').allTextContents()).toEqual(['no partner']);
    await partnerOf('Mbale Primary School').hover();
    await expect
      .poll(() => partnerOf('Mbale Primary School').locator('option').allTextContents())
      .toEqual(['no partner', 'Hillcrest Academy (paired with Lahore Crescent School)', 'Lahore Crescent School (paired with Hillcrest Academy)']);
    await pickPartner('Mbale Primary School', { label: 'Lahore Crescent School (paired with Hillcrest Academy)' });
    const refusal = page.getByRole('row', { name: /Mbale Primary School/ }).getByRole('alert');
    await expect.poll(() => refusal.textContent()).toBe('Lahore Crescent School is already paired with Hillcrest Academy. Clear that partner first.');
    expect(await chosenPartner('Mbale Primary School')).toBe('no partner');

    await pickPartner('Hillcrest Academy', { label: 'Mbale Primary School' });
    await expect.poll(() => chosenPartner('Mbale Primary School')).toBe('Hillcrest Academy');
    await expect.poll(() => chosenPartner('Lahore Crescent School')).toBe('no partner');
    // Mbale's partner changed, so the earlier refusal beside it is gone
    expect(await refusal.count()).toBe(0);
    await screenshot(page, '44-cases-partner');

    await view('Analysis');
    await sub('Pairs');
    const pm = page.getByTestId('pair-matrix');
    await expect.poll(() => pm.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Hillcrest AcademyMbale Primary School/)]);
    // undone from the top bar: the sample's own pair is back
    await page.getByTestId('undo').click();
    await expect.poll(() => pm.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Hillcrest AcademyLahore Crescent School/)]);

    // filtered by a pair attribute (read from the Northern school: Hillcrest's high momentum is "no")
    await page.getByLabel('Filter pairs by').selectOption('high momentum');
    await page.getByLabel('Pairs whose high momentum is').selectOption('yes');
    await expect.poll(() => page.locator('.pairs .view-summary').textContent()).toBe('0 pairs · North: continent = UK');
    await page.getByLabel('Pairs whose high momentum is').selectOption('no');
    await expect.poll(() => pm.locator('tbody tr').count()).toBe(1);

    // the pair side by side: each school's summary beside its segments, quotations of both sides on request
    await page.getByLabel('Pair matrix codes').selectOption({ label: 'Teachers/Understanding' });
    await pm.getByRole('button', { name: 'Hillcrest Academy' }).click();
    const pv = page.getByTestId('pair-view');
    const row = pv.getByRole('row', { name: /challenging their preconceptions/ });
    await expect.poll(() => row.locator('.cell-summary').first().textContent()).toMatch(/^Teachers say the visit from Lahore/);
    await row.getByRole('button').click();
    await expect.poll(() => pv.locator('.pair-quotations td').nth(1).locator('blockquote').count()).toBeGreaterThan(0);
    await screenshot(page, '47-analysis-pair-view');
    expect(errors).toEqual([]);
  });

  it('imports a pairs sheet (Excel) in the Cases view: refused rows one line each, the rest imported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pairs');
    for (const r of [
      ['school', 'partner'],
      ['Mbale Primary School', 'Lahore Crescent School'],
      ['Atlantis High', 'Mbale Primary School'],
    ])
      ws.addRow(r);
    await view('Cases');
    await page.getByTestId('pairs-sheet-input').setInputFiles({
      name: 'pairs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await expect
      .poll(() => page.getByTestId('pairs-sheet-report').innerText())
      .toBe(
        'pairs.xlsx: 0 new pairs, 0 already paired, 2 rows refused:\nrow 2: Lahore Crescent School is already paired with Hillcrest Academy\nrow 3: no case named "Atlantis High"',
      );
    await pickPartner('Hillcrest Academy', '');
    await expect.poll(() => chosenPartner('Lahore Crescent School')).toBe('no partner');
    await page.getByTestId('pairs-sheet-input').setInputFiles({
      name: 'pairs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await expect.poll(() => page.getByTestId('pairs-sheet-report').innerText()).toMatch(/^pairs\.xlsx: 1 new pair, 0 already paired, 1 row refused:/);
    await expect.poll(() => chosenPartner('Mbale Primary School')).toBe('Lahore Crescent School');
    await page.getByTestId('undo').click();
    await expect.poll(() => chosenPartner('Mbale Primary School')).toBe('no partner');
    await page.getByTestId('undo').click();
    await expect.poll(() => chosenPartner('Lahore Crescent School')).toBe('Hillcrest Academy');
  });

  it('edits the template: a new section with two codes, moved up; the draft follows it after a reload', async () => {
    await view('Analysis');
    await sub('Case study');
    await page.getByLabel('Case study of').selectOption({ label: 'Mbale Primary School' });
    const titles = () => page.getByTestId('case-study').locator('section h3').allTextContents();
    await expect.poll(async () => (await titles()).length).toBe(6);
    await page.getByRole('button', { name: 'Edit template' }).click();
    const editor = page.getByTestId('template-editor');
    await editor.getByRole('button', { name: 'Add section' }).click();
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => editor.getByTestId('template-problem').textContent()).toBe('Section 7 needs a title.');

    await editor.getByLabel('Title of section 7').fill('Teachers and pupils');
    await editor.getByLabel('Description of section 7').fill('What changed in classrooms.');
    for (const path of ['Teachers', 'Students']) {
      const value = await editor.getByLabel('Add a code to section 7').locator(`option[title="${path}"]`).getAttribute('value');
      await editor.getByLabel('Add a code to section 7').selectOption(value!);
    }
    await expect.poll(() => editor.getByRole('list', { name: 'Codes of section 7' }).locator('li').allTextContents()).toEqual(['Teachers ✕', 'Students ✕']);
    for (let n = 7; n > 5; n--) await editor.getByRole('button', { name: `Move section ${n} up` }).click();
    await expect.poll(() => editor.getByLabel('Title of section 5').inputValue()).toBe('Teachers and pupils');
    await editor.getByLabel('Title of section 5').scrollIntoViewIfNeeded();
    await screenshot(page, '46-analysis-template-editor');

    // a copy under the default's own name is refused in the form
    await editor.getByRole('button', { name: 'Save as a new template' }).click();
    await expect
      .poll(() => editor.getByTestId('template-problem').textContent())
      .toMatch(/^There is already a template called “NSSP case study \(six sections\)”\. Choose another name\.$/);
    await editor.getByLabel('Template name').fill('Classrooms first');
    await editor.getByRole('button', { name: 'Save as a new template' }).click();
    await editor.waitFor({ state: 'detached' });

    const expected = [
      expect.stringMatching(/^School background/),
      expect.stringMatching(/^Partnership development/),
      expect.stringMatching(/^Partnership in practice/),
      expect.stringMatching(/^Monitoring and evaluation/),
      expect.stringMatching(/^Teachers and pupils [1-9]\d* segments$/),
      expect.stringMatching(/^Perceived impact/),
      expect.stringMatching(/^Challenges and opportunities/),
    ];
    await expect.poll(titles).toEqual(expected);
    await expect
      .poll(() => page.getByLabel('Case-study template').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent))
      .toBe('Classrooms first');
    await screenshot(page, '45-analysis-template');

    await page.reload();
    await page.getByTestId('transcript').waitFor();
    await view('Analysis');
    await sub('Case study');
    await page.getByLabel('Case study of').selectOption({ label: 'Mbale Primary School' });
    await expect.poll(titles).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('filters the framework matrix to the cases with an attribute value', async () => {
    await sub('Framework matrix');
    const matrix = page.getByTestId('framework-matrix');
    await expect
      .poll(() => matrix.locator('tbody th[scope=row]').allTextContents())
      .toEqual(['Hillcrest Academy', 'Lahore Crescent School', 'Mbale Primary School']);
    // its section columns are those of the template chosen in the Case study tab
    await expect.poll(() => matrix.locator('thead th').nth(5).textContent()).toBe('Teachers and pupils');
    await page.getByLabel('Filter cases by').selectOption('continent');
    await page.getByLabel('Cases whose continent is').selectOption('Africa');
    await expect.poll(() => matrix.locator('tbody th[scope=row]').allTextContents()).toEqual(['Mbale Primary School']);
    // summaries are searchable: every word must occur
    await page.getByLabel('Find in summaries').fill('Lahore Pakistan');
    const results = page.getByTestId('summary-results');
    await expect
      .poll(() => results.locator('li strong').allTextContents())
      .toEqual(['Hillcrest Academy × Teachers/Understanding/challenging their preconceptions and stereotypes']);
    await page.getByLabel('Find in summaries').fill('Lahore Uganda');
    await expect.poll(() => results.textContent()).toBe('No summary contains all of these words.');
    expect(errors).toEqual([]);
  });
});
