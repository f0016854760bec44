// The table of moves on its own (issue 12 §2): targets, the move between two states, seats and refusals. The writes
// (state and version guards, steps, trail) are exercised through the services' tests on both databases.
import { describe, expect, it } from 'vitest';
import type { Auth } from '../auth/index.js';
import { AppError } from '../http/index.js';
import { stateMachine } from './state-machine.js';

const m = stateMachine({
  title: 'test',
  entity: 'thing',
  table: 'clues',
  column: 'state',
  states: { a: ['甲', 'A'], b: ['乙', 'B'], c: ['丙', 'C'] },
  moves: {
    go: { from: ['a'], to: 'b', verb: ['前进', 'go'] },
    pick: { from: ['b'], to: ['a', 'c'], by: 'boss', verb: ['决定', 'pick'] },
  },
  seats: {
    boss: { may: (auth) => auth.isHead, refusal: () => new AppError(403, 'BOSS_ONLY', '须由负责人决定', 'Boss only') },
  },
  stale: () => new AppError(409, 'STALE', '已变化', 'moved'),
});
const boss = { isHead: true } as Auth;
const staff = { isHead: false } as Auth;
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as AppError).status} ${(e as AppError).code}`;
  }
  return 'allowed';
};

describe('a table of moves', () => {
  it('leads a move from a listed state to its target, and nowhere from another state', () => {
    expect(m.targetOf('go', 'a')).toBe('b');
    expect(m.targetOf('go', 'b')).toBeNull();
    expect(m.targetOf('go', 'c')).toBeNull();
  });

  it('takes a chosen target only among the listed ones', () => {
    expect(m.targetOf('pick', 'b', 'c')).toBe('c');
    expect(m.targetOf('pick', 'b', 'a')).toBe('a');
    expect(m.targetOf('pick', 'b', 'b')).toBeNull();
    expect(m.targetOf('pick', 'b')).toBeNull();
  });

  it('finds the move between two states, or none', () => {
    expect(m.moveTo('a', 'b')).toBe('go');
    expect(m.moveTo('b', 'c')).toBe('pick');
    expect(m.moveTo('a', 'c')).toBeNull();
  });

  it('refuses a seat’s move to anyone else (403) before it looks at the state, and a wrong state with 409', () => {
    expect(codeOf(() => m.check(staff, 'b', 'pick', 'c'))).toBe('403 BOSS_ONLY');
    expect(codeOf(() => m.check(null, 'b', 'pick', 'c'))).toBe('403 BOSS_ONLY');
    expect(codeOf(() => m.check(boss, 'a', 'pick', 'c'))).toBe('409 BAD_STATE');
    expect(m.check(boss, 'b', 'pick', 'c')).toBe('c');
    expect(codeOf(() => m.check(staff, 'b', 'go'))).toBe('409 BAD_STATE');
  });

  it('says the state and the verb in both languages when it refuses', () => {
    try {
      m.check(staff, 'c', 'go');
    } catch (e) {
      expect((e as AppError).messageZh).toBe('当前为“丙”，不能前进');
      expect((e as AppError).message).toMatch(/C.*go/);
    }
    expect.assertions(2);
  });
});
