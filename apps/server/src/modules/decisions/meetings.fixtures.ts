// For the decisions tests: 明湖区's standing committee — its secretary (CADRE.A) and `extra` more members, seated on
// 2025-01-01 — and a meeting of it with the first `present` members attending.
import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';
import { CADRE, ORG } from '../../test/fixtures.js';
import { makeIdCard } from '../registry/index.js';

export async function seatTeam(city: Client, extra = 8, tag = 'A'): Promise<number[]> {
  const team = [CADRE.A];
  for (let i = 0; i < extra; i++) {
    const c = await city.post('/api/v1/cadres', {
      name: `常委${tag}${i + 1}`,
      idCard: makeIdCard('339802', `1975-0${(i % 9) + 1}-1${i}`, 40 + i),
      partyStatus: 'member',
      orgId: ORG.A,
    });
    expect(c.statusCode, c.body).toBe(201);
    team.push(c.json().id);
  }
  for (const [i, cadreId] of team.entries()) {
    const seat = await city.post(`/api/v1/orgs/${ORG.A}/team`, {
      cadreId,
      teamRole: i === 0 ? 'secretary' : 'member',
      joinedOn: '2025-01-01',
    });
    expect(seat.statusCode, seat.body).toBe(201);
  }
  return team;
}

/** A standing-committee meeting of 明湖区 on `heldOn`, chaired by the secretary, the first `present` members there. */
export async function meetingWith(city: Client, team: number[], present: number, heldOn = '2026-03-09') {
  const res = await city.post('/api/v1/meetings', {
    orgId: ORG.A,
    kind: 'standing',
    heldOn,
    place: '区委常委会议室',
    chairCadreId: CADRE.A,
    recorder: '区委办公室',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id: number = res.json().id;
  const att = await city.put(`/api/v1/meetings/${id}/attendance`, {
    members: team.map((cadreId, i) =>
      i < present ? { cadreId, attended: true } : { cadreId, attended: false, absenceReason: '外出学习' },
    ),
  });
  expect(att.statusCode, att.body).toBe(200);
  return id;
}
