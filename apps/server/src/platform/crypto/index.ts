export { SecretBox, loadOrCreateKey } from './secret-box.js';
