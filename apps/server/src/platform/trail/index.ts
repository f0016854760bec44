export { write, recordRead, SYSTEM_ACTOR, type Actor, type TrailEvent, type WriteCtx } from './write.js';
export { verifyTrail, type VerifyResult, type VerifyOptions, type BreakKind, type Anchor } from './verify.js';
export { defaultWorkers, type ParallelOptions } from './verify-parallel.js';
export { canonicalJson, rowHash } from './hash.js';
export { establishTrailKey, readKeyedFrom, applyTrailKey, trailKeyOf, type TrailKey } from './trail-key.service.js';
export {
  readCheckpoints,
  verifyWithCheckpoints,
  startCheckpoints,
  type Checkpoint,
  type CheckpointPayload,
  type Checkpointer,
} from './checkpoint.service.js';
