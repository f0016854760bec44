// `npm run docs:states` (issue 12 §2): writes docs/states.md, one Mermaid diagram per table of moves, from the
// tables themselves. docs-states.test.ts fails when the committed file is not what this would write.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statesDocument } from '../platform/moves/index.js';
import { CLUE_MACHINE, LETTER_MACHINE, LINK_MACHINE, REPORT_MACHINE } from '../modules/reports/index.js';
import { TASK_MACHINE } from '../modules/talks/index.js';
import { FINDING_MACHINE } from '../platform/findings/index.js';

export const STATES_FILE = fileURLToPath(new URL('../../../../docs/states.md', import.meta.url));

/** Every table of moves, in the order of the SPEC. A new machine is added here. */
export const MACHINES = [REPORT_MACHINE, LINK_MACHINE, CLUE_MACHINE, LETTER_MACHINE, TASK_MACHINE, FINDING_MACHINE];

export const renderStates = () => statesDocument(MACHINES as never);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(STATES_FILE, renderStates());
  console.log(`wrote ${STATES_FILE}`);
}
