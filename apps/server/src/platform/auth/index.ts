export { ROLES, ROLE_NAMES, can, permissionsOf, requiresTotp, type Role, type Permission } from './roles.js';
export { login, lockDurationMs, LOGIN_LIMITS, type LoginInput } from './login.js';
export { createAccount, type NewAccount } from './accounts.js';
export { loadSession, endSession, SESSION_COOKIE, SESSION_HOURS, type Auth } from './sessions.js';
export { totpCode, checkTotp } from './totp.js';
export { hashPassword, verifyPassword } from './password.js';
export { confirmIdentity, spendTotpStep, type Confirmation } from './confirm-identity.js';
export { signInPerson, signerOf, type InPersonSigner } from './sign-in-person.js';
export { confirmationBody, confirmationFields, oneSecret } from './confirmation.schema.js';
