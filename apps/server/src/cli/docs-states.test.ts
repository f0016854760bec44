// docs/states.md is generated from the tables of moves (issue 12 §2); this fails when someone changes a table and
// does not run `npm run docs:states`, or edits the file by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MACHINES, renderStates, STATES_FILE } from './docs-states.js';

describe('docs/states.md', () => {
  it('is what npm run docs:states writes from the tables of moves', () => {
    expect(readFileSync(STATES_FILE, 'utf8')).toBe(renderStates());
  });

  it('draws every move of every table as an edge', () => {
    const doc = renderStates();
    for (const m of MACHINES) {
      expect(doc).toContain(`## ${m.title}`);
      for (const [name, move] of Object.entries(m.moves)) {
        const to = typeof move.to === 'string' ? [move.to] : move.to;
        for (const from of move.from)
          for (const t of to) expect(doc).toContain(`${from} --> ${t}: ${move.verb[0]} ${name}`);
      }
    }
  });
});
