export { write, recordRead, SYSTEM_ACTOR, type Actor, type TrailEvent, type WriteCtx } from './write.js';
export { verifyTrail, type VerifyResult } from './verify.js';
export { canonicalJson, rowHash } from './hash.js';
