// argon2id password hashes (@node-rs/argon2 defaults: m=19456 KiB, t=2, p=1 — OWASP's minimum).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (plain: string) => hash(plain);

// Verifying against a hash made with the same parameters when the account does not exist keeps the timing of both
// answers alike (issue 11 §6); it is made at start, so the first unknown name does not pay for it.
const dummy: Promise<string> = hash('mingjian-no-such-account');
export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) {
    await verify(await dummy, plain).catch(() => false);
    return false;
  }
  return verify(stored, plain).catch(() => false);
}

export function passwordProblem(p: string): string | null {
  if (p.length < 10) return '密码至少 10 个字符 / Password must have at least 10 characters';
  if (p.length > 200) return '密码过长 / Password too long';
  return null;
}
