// npm run demo:totp — the current one-time codes of the demo accounts that need a second factor.
import { totpCode } from '../platform/auth/index.js';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.js';

for (const a of DEMO_ACCOUNTS.filter((x) => x.totpSecret))
  console.log(`${a.username.padEnd(21)} ${totpCode(a.totpSecret!, new Date())}`);
