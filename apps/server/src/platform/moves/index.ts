// Status moves (issue 12 §2): a table of moves per record kind, and the one helper that writes a status column.
export {
  stateMachine,
  type Label,
  type Machine,
  type MachineDef,
  type MoveDef,
  type MoveOptions,
  type Seat,
} from './state-machine.js';
export { statesDocument } from './states-doc.js';
