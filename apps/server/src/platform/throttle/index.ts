// Throttling kept in the database (issue 11 §6): counters, client addresses by keyed hash, public-route limits.
export { registerPublicLimits, addressBudget } from './public-limits.js';
export { addressDigest, addressKey } from './client-address.js';
export { countHit, pruneThrottle } from './throttle.repo.js';
