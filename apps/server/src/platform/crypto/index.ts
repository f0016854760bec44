export { SecretBox, loadOrCreateKey } from './secret-box.js';
export { Signer, newSigner, loadOrCreateSigner, verifyProof, type SignedProof } from './signer.js';
