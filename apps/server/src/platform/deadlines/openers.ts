// Openers per event (issue 12 §1): a module that records an event (the registry appoints a cadre to a post) fires it
// inside its own write, and every module that owes a deadline on that event opens it there, in the same transaction —
// so the deadline exists the moment the event does, not after the next daily job. The composition root (app.ts) says
// who listens; the firing module does not know its listeners, so no module imports another for this.
import type { SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../context.js';
import type { Auth } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { WriteCtx } from '../trail/index.js';

export interface DeadlineEvents {
  /** Cadres take up posts (one entered by hand, or a roster's at once: one event for the whole import). */
  'posts.started': { postIds: number[] };
}
export type DeadlineEvent = keyof DeadlineEvents;
type Opener<E extends DeadlineEvent> = (w: WriteCtx, event: DeadlineEvents[E]) => Promise<unknown>;

/**
 * A module's deadlines as the dashboard lists them: the ids the caller may see (null: none at all, e.g. a role that
 * may not read reports), and a label for each kind.
 */
export interface DeadlineSource {
  source: 'case_deadline' | 'duty' | 'result_review' | 'pm_duty';
  zh: string;
  en: string;
  // biome-ignore lint/suspicious/noExplicitAny: any query that selects an `id` column
  visible(ctx: AppContext, auth: Auth): SelectQueryBuilder<DB, any, { id: number }> | null;
  kindLabel(kind: string): string;
}

export class DeadlineRegistry {
  readonly sources = new Map<string, DeadlineSource>();

  /** Registers (or replaces) the source that lists one table's deadlines. */
  source(s: DeadlineSource): void {
    this.sources.set(s.source, s);
  }

  readonly #on = new Map<DeadlineEvent, Map<string, Opener<DeadlineEvent>>>();

  /** Registers (or replaces, by name) an opener: building the app twice on one context registers it once. */
  on<E extends DeadlineEvent>(event: E, name: string, opener: Opener<E>): void {
    const list = this.#on.get(event) ?? new Map();
    list.set(name, opener as Opener<DeadlineEvent>);
    this.#on.set(event, list);
  }

  /** Runs every opener of the event in the caller's write, in the order they were registered. */
  async fire<E extends DeadlineEvent>(w: WriteCtx, event: E, payload: DeadlineEvents[E]): Promise<void> {
    for (const opener of this.#on.get(event)?.values() ?? []) await opener(w, payload);
  }
}
