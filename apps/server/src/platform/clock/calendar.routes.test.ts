// The calendar is data the administrator can correct: loading the official 2027 notice replaces the provisional
// statutory days, and due dates (M-12) change with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let sup: Client;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
  sup = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
});
afterAll(() => t.close());

// A made-up 2027 notice for the test: Spring Festival 2/5–2/12, with Saturday 2/13 as an adjusted working day.
const notice = [
  ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'holiday' as const,
    name: '春节',
  })),
  { date: '2027-02-13', kind: 'workday' as const, name: '春节' },
];

describe('calendar API', () => {
  it('serves 2026 as official and 2027 as provisional', async () => {
    const y26 = (await sup.get('/api/v1/calendar/2026')).json();
    expect(y26.provisional).toBe(false);
    expect(y26.days).toEqual(
      expect.arrayContaining([{ date: '2026-02-14', kind: 'workday', name: '春节', provisional: false }]),
    );
    expect((await sup.get('/api/v1/calendar/2027')).json().provisional).toBe(true);
  });

  it('computes due dates with the working-day calendar, flagging provisional ones', async () => {
    // 2026-09-30 (Wed) + 3 working days: 10/1–10/7 holiday, 10/8 Thu, 10/9 Fri, 10/10 adjusted Saturday.
    expect((await sup.get('/api/v1/calendar/due?start=2026-09-30&days=3&unit=working')).json()).toEqual({
      due: '2026-10-10',
      provisional: false,
    });
    expect((await sup.get('/api/v1/calendar/due?start=2026-09-30&days=3&unit=calendar')).json()).toEqual({
      due: '2026-10-03',
      provisional: false,
    });
    expect((await sup.get('/api/v1/calendar/due?start=2027-02-04&days=1&unit=working')).json()).toEqual({
      due: '2027-02-09',
      provisional: true,
    });
  });

  it('lets only the administrator replace a year, refuses bad entries, and then uses the new days', async () => {
    expect((await sup.put('/api/v1/calendar/2027', { days: notice })).statusCode).toBe(403);
    const weekdayWork = await admin.put('/api/v1/calendar/2027', {
      days: [...notice, { date: '2027-03-03', kind: 'workday', name: '错' }],
    });
    expect(weekdayWork.statusCode).toBe(400);
    expect(
      (await admin.put('/api/v1/calendar/2027', { days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] }))
        .statusCode,
    ).toBe(400);
    expect((await sup.get('/api/v1/calendar/2027')).json().provisional).toBe(true);
    const ok = await admin.put('/api/v1/calendar/2027', { days: notice });
    expect(ok.json()).toMatchObject({ days: 9, provisional: false });
    // 2027-02-04 (Thu) + 1 working day → 2/5–2/12 holiday → 2/13 the adjusted Saturday.
    expect((await sup.get('/api/v1/calendar/due?start=2027-02-04&days=1&unit=working')).json()).toEqual({
      due: '2027-02-13',
      provisional: false,
    });
  });

  it('refuses bad queries with 400', async () => {
    expect((await sup.get('/api/v1/calendar/due?start=2027-02-30&days=1&unit=working')).statusCode).toBe(400);
    expect((await sup.get('/api/v1/calendar/due?start=2027-02-03&days=-1&unit=working')).statusCode).toBe(400);
    expect((await sup.get('/api/v1/calendar/due?start=2027-02-03&days=1&unit=lunar')).statusCode).toBe(400);
  });
});
