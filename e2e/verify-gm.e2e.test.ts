// verify.html on a 国密 archive (issue 14 §5, M-35), in Chromium with no server and no network: an installation chosen
// as 国密 seals a meeting with SM3 / SM2 and exports it; the archive's own verify.html, opened from disk, finds it
// intact and names the SM3 digest; a changed word in the record is named. The archive is made by the server's test
// harness in this process (a 国密 server for one page would cost a second boot of the whole app).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../apps/server/src/test/harness.js';
import { loadSmallTree, ORG } from '../apps/server/src/test/fixtures.js';
import { meetingWith, seatTeam } from '../apps/server/src/modules/decisions/meetings.fixtures.js';
import { launchBrowser } from './browser.js';
import { shot } from './pages.js';

let t: TestApp;
let browser: Browser;
let zip: Uint8Array;
const dir = mkdtempSync(path.join(tmpdir(), 'mj-e2e-gm-'));

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z', crypto: 'gm' });
  await loadSmallTree(t);
  const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  const team = await seatTeam(city, 4);
  const meetingId = await meetingWith(city, team, 5, '2026-03-09');
  const item = (
    await city.post(`/api/v1/meetings/${meetingId}/items`, { title: '审议预算', category: 'other' })
  ).json();
  expect((await city.post(`/api/v1/meeting-items/${item.id}/close`, {})).statusCode).toBe(200);
  expect((await city.post(`/api/v1/meetings/${meetingId}/seal`, {})).statusCode).toBe(200);
  zip = new Uint8Array((await city.get(`/api/v1/meetings/${meetingId}/archive`)).rawPayload);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verify.html on a 国密 archive, in Chromium (M-35)', () => {
  it('finds the archive intact with SM3 and SM2, and names a changed record', async () => {
    const files = unzipSync(zip);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).algorithm).toBe('SM2');
    writeFileSync(path.join(dir, 'verify.html'), files['verify.html']);
    writeFileSync(path.join(dir, 'gm.zip'), zip);
    files['record.json'] = strToU8(new TextDecoder().decode(files['record.json']).replace('审议预算', '审议预箅'));
    writeFileSync(path.join(dir, 'gm-bad.zip'), zipSync(files));

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    await page.route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    await page.goto(pathToFileURL(path.join(dir, 'verify.html')).href);
    await page.getByTestId('archive-file').setInputFiles(path.join(dir, 'gm.zip'));
    await expect.poll(() => page.getByTestId('result').innerText()).toContain('核验通过');
    expect(await page.getByTestId('result').innerText()).toMatch(/SM3 [0-9a-f]{64}/);
    await shot(page, 'verify-html-gm');
    await page.getByTestId('archive-file').setInputFiles(path.join(dir, 'gm-bad.zip'));
    await expect.poll(() => page.getByTestId('result').innerText()).toContain('核验未通过');
    expect(await page.getByTestId('result').innerText()).toContain('record.json');
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  });
});
