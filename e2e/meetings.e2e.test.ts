// 会议记录 in a real Chromium (issue 14 §1): a county officer records a standing-committee meeting of 明湖区 (who
// should attend comes from the team), marks one member absent with a reason, adds an appointment item with its
// proposer and a project item without one (the chair becomes the deemed proposer), and reads each item's quorum;
// then (§2) names a candidate, takes every present member's opinion with the principal last, votes, and closes it;
// (§5) closes the other item, seals the record, checks the seal, exports the archive and verifies it with its own
// verify.html opened from disk with every network request refused.
import { describe, expect, it } from 'vitest';
import { toCstDate } from '../apps/server/src/platform/clock/index.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { browserSuite, pick, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();

/** 登记会议: a standing-committee meeting of 明湖区 today, chaired by the first member; lands on its page. */
async function recordMeeting(page: Page) {
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByTestId('add-meeting').click();
  const form = page.getByTestId('meeting-form');
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  await pick(
    form.getByTestId('meeting-org'),
    page.locator(`${open} .ant-select-tree-title`).filter({ hasText: /^明湖区$/ }),
  );
  await pick(
    form.getByLabel('会议类别'),
    page.locator(`${open} .ant-select-item-option`).filter({ hasText: '常委会' }),
  );
  await form.getByLabel('会议日期').fill(toCstDate(new Date()));
  await form.getByLabel('会议日期').press('Enter');
  await form.getByLabel('地点').fill('区委常委会议室');
  await pick(form.getByLabel('主持人'), page.locator(`${open} .ant-select-item-option`).first());
  await form.getByLabel('记录人').fill('区委办公室');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('meeting').waitFor();
}

describe('meetings', () => {
  it('records a meeting, its attendance and items, and shows quorum and the deemed proposer', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    await recordMeeting(page);

    // Everyone present but the last member, who is away with a reason.
    const radios = page.locator('[data-testid^="attend-"]');
    const n = await radios.count();
    expect(n).toBeGreaterThan(2);
    for (let i = 0; i < n - 1; i++) await radios.nth(i).getByText('到会').click();
    await radios
      .nth(n - 1)
      .getByText('缺席')
      .click();
    await page.getByPlaceholder('须写明原因').fill('参加市委党校学习');
    await page.getByTestId('save-attendance').click();
    await page.getByText(`实到 ${n - 1} 人`).waitFor();

    const add = async (title: string, category: string, proposer: boolean) => {
      await page.getByTestId('add-item').click();
      const f = page.getByTestId('item-form');
      await f.getByLabel('议题').fill(title);
      await pick(
        f.getByLabel('类别'),
        page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .filter({ hasText: category }),
      );
      if (proposer) {
        // The second member of the team (the first, the secretary, chairs): by keyboard, the list just opened.
        await f.getByLabel('初始动议人').click();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      }
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByText(title).waitFor();
    };
    await add('研究区财政局局长人选', '重要干部任免', true);
    await add('审议城区道路改造项目', '重大项目安排', false);
    await page.getByText('未记录动议人，主持人视为动议人').waitFor();
    await expect.poll(() => page.getByTestId('quorum-1').innerText()).toContain('达到法定人数');
    await settle(page);
    await shot(page, 'meeting', true);

    // §2: the appointment item — a candidate, opinions in order with the principal locked until the others have
    // spoken, a vote on the candidate by each present member (the principal last), and closing it.
    const rec = page.getByTestId('item-record-1');
    const enabled =
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)';
    await rec.getByPlaceholder('或填写姓名').fill('李某某');
    await rec.getByPlaceholder('拟任职务').fill('区财政局局长');
    await rec.getByTestId('candidate-save').click();
    await rec.getByTestId('candidates-1').getByText('李某某').waitFor();
    await rec.getByTestId('principal-locked-1').waitFor();
    for (let i = 0; i < n - 1; i++) {
      await pick(rec.getByTestId('opinion-member'), page.locator(enabled).first());
      if (i === 0) {
        await rec.getByText('保留', { exact: true }).click();
        await rec.getByPlaceholder('理由').fill('建议进一步听取群众意见');
      }
      await rec.getByTestId('opinion-save').click();
      await expect.poll(() => rec.getByTestId('opinions-1').locator('tr.ant-table-row').count()).toBe(i + 1);
    }
    expect(await rec.getByTestId('principal-locked-1').count()).toBe(0);
    for (let i = 0; i < n - 1; i++) {
      await pick(rec.getByTestId('vote-member-1'), page.locator(enabled).first());
      await rec.getByTestId('vote-agree-1').click();
      await expect.poll(() => rec.getByTestId('candidates-1').innerText()).toContain(`${i + 1} / 0 / 0`);
    }
    await rec.getByTestId('close-item-1').click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /结束议题/ })
      .click();
    await expect.poll(() => rec.getByTestId('item-status-1').innerText()).toContain('已作出决定');
    await rec.getByTestId('candidates-1').getByText('通过').waitFor();
    await settle(page);
    await shot(page, 'meeting-opinions', true);

    // §5: sealing waits for every item; the second item closes (nobody spoke: all deemed to agree), then the seal.
    expect(await page.getByTestId('seal-meeting').isDisabled()).toBe(true);
    await page.getByTestId('close-item-2').click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /结束议题/ })
      .click();
    await expect.poll(() => page.getByTestId('item-status-2').innerText()).toContain('已作出决定');

    // §3: the discussion's audio, an MP3 of 5 MiB (two sealed chunks), attached to item 2 and listed with its size.
    const mp3 = Buffer.concat([
      Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
      Buffer.alloc(5 * 1024 * 1024, 0x55),
    ]);
    await page
      .getByTestId('audio-2')
      .locator('input[type=file]')
      .setInputFiles({ name: '常委会录音.mp3', mimeType: 'audio/mpeg', buffer: mp3 });
    await expect.poll(() => page.getByTestId('audio-2').innerText()).toContain('常委会录音.mp3');

    // §3: the chair (明湖区委书记, demo_leader), also item 2's deemed proposer, signs it in person: the password again.
    const leader = await newPage();
    await uiLogin(leader, 'demo_leader');
    await leader.goto(page.url());
    await leader.getByTestId('sign-2').click();
    await leader.getByTestId('sign-secret').fill('mingjian-demo');
    await leader
      .locator('.ant-modal')
      .getByRole('button', { name: /确认签名/ })
      .click();
    await expect
      .poll(() => leader.getByTestId('signatures-2').innerText())
      .toMatch(/提议人.*已签名[\s\S]*主持人.*已签名/);
    // Item 1 has a proposer of its own: the leader still signs it, as the chair only.
    expect(await leader.getByTestId('sign-1').count()).toBe(1);
    await shot(leader, 'meeting-signed', true);
    await page.reload();
    await page.getByTestId('signatures-2').waitFor();

    await page.getByTestId('seal-meeting').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('sealed').waitFor();
    expect(await page.getByTestId('add-item').count()).toBe(0); // a sealed record offers no changes
    await page.getByTestId('verify-seal').click();
    await expect.poll(() => page.getByTestId('seal-check').innerText()).toContain('核验通过');
    await settle(page);
    await shot(page, 'meeting-sealed');

    // §6: the road project (item 2) is completed; its result review is due and, entered as negative, names the
    // proposer (the chair, deemed) and the members who agreed.
    const meetingUrl = page.url();
    await page.getByTestId('completion-2').click();
    await page.getByTestId('completion-date').fill(toCstDate(new Date()));
    await page.getByTestId('completion-date').press('Enter'); // the picker's one field: Enter submits
    await page.getByText(/结果查究期限/).waitFor();
    await page.getByRole('menuitem', { name: '结果查究' }).click();
    const reviews = page.getByTestId('reviews');
    await reviews.getByText('审议城区道路改造项目').waitFor();
    await reviews
      .locator('tr')
      .filter({ hasText: '审议城区道路改造项目' })
      .locator('[data-testid^="enter-review-"]')
      .click();
    const rf = page.getByTestId('review-form');
    await rf.getByLabel('查究日期').fill(toCstDate(new Date()));
    await rf.getByLabel('查究日期').press('Enter');
    await rf.getByLabel('查究单位').fill('区审计局');
    await rf.getByLabel('造成损失').fill('350000');
    await rf.getByText('不合格').click();
    await rf.getByText('负面（追究提议人责任）').click();
    await rf.getByLabel('查究情况').fill('工程超概算，部分路段返工');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await reviews.locator('tr').filter({ hasText: '审议城区道路改造项目' }).getByText('负面，追究提议人').waitFor();
    await settle(page);
    await shot(page, 'result-reviews');
    await page.goto(meetingUrl);
    await page.getByTestId('sealed').waitFor();

    // A correction after sealing is a sealed addendum: the record stays as it was, the addendum joins the archive.
    await page.getByTestId('add-addendum').click();
    const addendum = page.getByTestId('addendum-form');
    await addendum.getByLabel('更正原因').fill('记录笔误');
    await addendum.getByLabel('更正内容').fill('会议地点应为市委第二会议室');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('addenda').getByText('会议地点应为市委第二会议室').waitFor();
    await settle(page);
    await shot(page, 'meeting-addendum');

    // The archive: downloaded, then its own verify.html — opened from disk, no server — checks it in Chromium.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-archive').click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-e2e-archive-'));
    const zipFile = path.join(dir, download.suggestedFilename());
    await download.saveAs(zipFile);
    const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
    expect(Object.keys(files)).toContain('addenda.json');
    writeFileSync(path.join(dir, 'verify.html'), files['verify.html']);
    const offline = await newPage();
    await offline.route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    await offline.goto(pathToFileURL(path.join(dir, 'verify.html')).href);
    await offline.getByTestId('archive-file').setInputFiles(zipFile);
    await expect.poll(() => offline.getByTestId('result').innerText()).toContain('核验通过');
    const audioName = Object.keys(files).find((n) => n.startsWith('audio/'))!;
    expect(Buffer.from(files[audioName]).equals(mp3)).toBe(true); // the recording, byte for byte
    const audioChanged = { ...files, [audioName]: Uint8Array.from(files[audioName]) };
    audioChanged[audioName][3 * 1024 * 1024] ^= 1;
    writeFileSync(path.join(dir, 'audio.zip'), zipSync(audioChanged));
    await offline.getByTestId('archive-file').setInputFiles(path.join(dir, 'audio.zip'));
    await expect.poll(() => offline.getByTestId('result').innerText()).toContain(audioName);
    files['record.json'][10] ^= 1;
    const bad = path.join(dir, 'bad.zip');
    writeFileSync(bad, zipSync(files));
    await offline.getByTestId('archive-file').setInputFiles(bad);
    await expect.poll(() => offline.getByTestId('result').innerText()).toContain('record.json');
    await shot(offline, 'verify-html');
    // The same page served by the app (/verify), signed out: it checks the archive with no request but its own.
    const pub = await newPage();
    const requests: string[] = [];
    pub.on('request', (r) => void requests.push(new URL(r.url()).pathname));
    await pub.goto('/verify');
    await pub.getByTestId('archive-file').setInputFiles(zipFile);
    await expect.poll(() => pub.getByTestId('result').innerText()).toContain('核验通过');
    expect(requests).toEqual(['/verify']);
    await shot(pub, 'verify-page');
  }, 150_000);

  it('临时决策: recorded afterwards, listed on the next meeting of its body, reported there', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    await page.getByRole('menuitem', { name: '临时决策' }).click();
    await page.getByTestId('add-emergency').click();
    const form = page.getByTestId('emergency-form');
    const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
    await pick(
      form.getByTestId('emergency-org'),
      page.locator(`${open} .ant-select-tree-title`).filter({ hasText: /^明湖区$/ }),
    );
    await pick(
      form.getByLabel('本应提交的会议'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '常委会' }),
    );
    await form.getByLabel('决策日期').fill(toCstDate(new Date()));
    await form.getByLabel('决策日期').press('Enter');
    await form.getByLabel('事项').fill('拨付防汛抢险资金');
    await pick(
      form.getByLabel('类别'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '大额度资金使用' }),
    );
    await pick(form.getByLabel('提议人'), page.locator(`${open} .ant-select-item-option`).first());
    await form.getByLabel('紧急理由').fill('突发汛情，来不及召开常委会');
    await form.getByLabel('决策内容').fill('同意先行拨付抢险资金 200 万元');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('emergencies').getByText('待下次会议通报').waitFor();
    // M-34: signed by the proposer (the first of the team, 明湖区委书记) in person; nobody else sees the button.
    expect(await page.locator('[data-testid^="sign-emergency-"]').count()).toBe(0);
    const proposer = await newPage();
    await uiLogin(proposer, 'demo_leader');
    await proposer.getByRole('menuitem', { name: '临时决策' }).click();
    await proposer.locator('[data-testid^="sign-emergency-"]').first().click();
    await proposer.getByTestId('sign-secret').fill('mingjian-demo');
    await proposer
      .locator('.ant-modal')
      .getByRole('button', { name: /确认签名/ })
      .click();
    await proposer
      .getByTestId('emergencies')
      .getByText(/已签名/)
      .first()
      .waitFor();

    await recordMeeting(page); // the first test's meeting is sealed: a new one of the same body
    const card = page.getByTestId('meeting-emergencies');
    await card.getByText('拨付防汛抢险资金').waitFor();
    await card.locator('[data-testid^="report-emergency-"]').click();
    await card.getByText('已在本次会议通报').waitFor();
    await page.getByRole('menuitem', { name: '临时决策' }).click();
    await page
      .getByTestId('emergencies')
      .getByText(/已在 .* 会议上通报/)
      .waitFor();
    await settle(page);
    await shot(page, 'emergencies');
  }, 90_000);
});
