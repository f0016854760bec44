// One way to move a status (issue 12 §2, ARCHITECTURE non-negotiable 6). A machine is a table of moves — from which
// states, to which, said how, by whom — and `apply` is the only code that writes a status column: it refuses a move
// the table does not list, checks that the row has not moved since it was read (its state, and its version where
// the table keeps one: 409 on a race), writes the signed step where the record keeps steps, and the trail row.
import type { Kysely } from 'kysely';
import type { Auth } from '../auth/index.js';
import type { DB } from '../db/index.js';
import { type AppError, conflict } from '../http/index.js';
import type { WriteCtx } from '../trail/index.js';

/** A state's or a verb's words: [Chinese, English]. */
export type Label = readonly [zh: string, en: string];

export interface MoveDef<S extends string> {
  from: readonly S[];
  /** One target, or the targets the caller picks among (an approved disposal decides which). */
  to: S | readonly S[];
  verb: Label;
  /** Who may: a seat of the machine's `seats`. Absent, whoever the route's permission lets in. */
  by?: string;
}

export interface Seat {
  may: (auth: Auth) => boolean;
  refusal: () => AppError;
}

type StatusTable = 'reports' | 'clues' | 'inquiry_letters' | 'report_links' | 'responsibility_tasks' | 'findings';

export interface MachineDef<S extends string, M extends string> {
  /** The heading of its diagram in docs/states.md. */
  title: string;
  /** The trail's entity, and the prefix of its actions unless a move records its own. */
  entity: string;
  table: StatusTable;
  column: 'status' | 'state';
  /** The table keeps a version column that every move bumps (optimistic check). */
  versioned?: boolean;
  states: Record<S, Label>;
  moves: Record<M, MoveDef<S>>;
  seats?: Record<string, Seat>;
  /** The record keeps a signed step per move (who, when, from, to, opinion). */
  steps?: { table: 'clue_steps'; key: 'clue_id' };
  /** The row moved between the caller's read and this write. */
  stale: (move: M) => AppError;
  /** The table does not allow this move from this state; the default names both. */
  refuse?: (state: S, move: M, verb: Label) => AppError;
}

export interface MoveOptions<S extends string> {
  /** The chosen target when the move has several. */
  to?: S;
  /** Other columns written with the move. */
  set?: Record<string, unknown>;
  /** For the signed step. */
  auth?: Auth;
  opinion?: string | null;
  detail?: Record<string, unknown>;
  /** The trail row; by default `<entity>.<move>` with from, to and the detail. false: the caller records it. */
  record?: false | { action: string; detail?: Record<string, unknown> };
}

export interface Machine<S extends string, M extends string> extends MachineDef<S, M> {
  /** The state a move leads to from `state` (with `chosen` for a move of several targets), or null. */
  targetOf(move: M, state: S, chosen?: S | null): S | null;
  /** The move that leads from `state` to `to`, when the table has one. */
  moveTo(state: S, to: S): M | null;
  /** The table's word and the seat's, before any write: the target, or a 403 / 409 that says why not. */
  check(auth: Auth | null, state: S, move: M, chosen?: S | null): S;
  /** Makes the move on one row in the caller's transaction; returns the new state. */
  apply(w: WriteCtx, row: { id: number; state: S; version?: number }, move: M, opts?: MoveOptions<S>): Promise<S>;
  /** The same move on every row `narrow` selects that the move allows (set-based); returns those rows. */
  applyAll<R extends { id: number } = { id: number }>(
    w: WriteCtx,
    move: M,
    narrow: (q: AnyUpdate) => AnyUpdate,
    opts?: { set?: Record<string, unknown>; returning?: string[] },
  ): Promise<R[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: the table is the machine's, chosen at run time
type AnyUpdate = any;

export function stateMachine<S extends string, M extends string>(def: MachineDef<S, M>): Machine<S, M> {
  const targets = (m: MoveDef<S>): readonly S[] => (typeof m.to === 'string' ? [m.to] : m.to);
  const refuse =
    def.refuse ??
    ((state: S, _move: M, verb: Label) =>
      conflict(
        'BAD_STATE',
        `当前为“${def.states[state]?.[0] ?? state}”，不能${verb[0]}`,
        `It is ${def.states[state]?.[1] ?? state}; it cannot be moved this way (${verb[1]})`,
      ));
  const machine: Machine<S, M> = {
    ...def,
    targetOf(move, state, chosen) {
      const m = def.moves[move];
      if (!m.from.includes(state)) return null;
      const to = targets(m);
      if (to.length === 1) return to[0];
      return chosen && to.includes(chosen) ? chosen : null;
    },
    moveTo(state, to) {
      const hit = (Object.keys(def.moves) as M[]).find(
        (k) => def.moves[k].from.includes(state) && targets(def.moves[k]).includes(to),
      );
      return hit ?? null;
    },
    check(auth, state, move, chosen) {
      const seat = def.moves[move].by ? def.seats?.[def.moves[move].by as string] : undefined;
      if (seat && !(auth && seat.may(auth))) throw seat.refusal();
      const to = machine.targetOf(move, state, chosen);
      if (!to) throw refuse(state, move, def.moves[move].verb);
      return to;
    },
    async apply(w, row, move, opts = {}) {
      const to = machine.targetOf(move, row.state, opts.to);
      if (!to) throw refuse(row.state, move, def.moves[move].verb);
      const trx = w.trx as unknown as Kysely<AnyUpdate>;
      let q = trx
        .updateTable(def.table)
        .set({ ...opts.set, [def.column]: to, ...(def.versioned ? { version: (row.version ?? 0) + 1 } : {}) })
        .where('id', '=', row.id)
        .where(def.column, '=', row.state);
      if (def.versioned) q = q.where('version', '=', row.version);
      const res = await q.executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw def.stale(move);
      if (def.steps) {
        await (w.trx as unknown as Kysely<DB>)
          .insertInto(def.steps.table)
          .values({
            [def.steps.key]: row.id,
            action: move,
            from_state: row.state,
            to_state: to,
            actor_id: opts.auth?.accountId ?? null,
            actor_name: opts.auth?.displayName ?? w.actor.name,
            at: w.now,
            opinion: opts.opinion ?? null,
            detail: JSON.stringify(opts.detail ?? {}),
          } as never)
          .execute();
      }
      if (opts.record !== false) {
        w.record({
          action: opts.record?.action ?? `${def.entity}.${move}`,
          entity: def.entity,
          entityId: row.id,
          detail: opts.record?.detail ?? { from: row.state, to, ...opts.detail },
        });
      }
      return to;
    },
    async applyAll(w, move, narrow, opts = {}) {
      const m = def.moves[move];
      const to = targets(m);
      if (to.length !== 1) throw new Error(`${def.entity}.${move}: a set-based move needs one target`);
      const trx = w.trx as unknown as Kysely<AnyUpdate>;
      const q = trx
        .updateTable(def.table)
        .set({ ...opts.set, [def.column]: to[0] })
        .where(def.column, 'in', m.from);
      return narrow(q)
        .returning(opts.returning ?? ['id'])
        .execute();
    },
  };
  return machine;
}
