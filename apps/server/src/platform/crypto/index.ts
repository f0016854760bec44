export { SecretBox, loadOrCreateKey } from './secret-box.js';
export { Signer, newSigner, loadOrCreateSigner, verifyProof, digestHex, type SignedProof } from './signer.js';
export { establishSuite, readSuite, suiteFromEnv } from './installation-suite.js';
export { SUITES, type SuiteName, type DigestAlgorithm, type SignatureAlgorithm } from './suites.js';
