// argon2id password hashes (@node-rs/argon2 defaults: m=19456 KiB, t=2, p=1 — OWASP's minimum).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (plain: string) => hash(plain);

// Verifying against a fixed hash when the account does not exist keeps the timing of both answers alike.
let dummy: Promise<string> | undefined;
export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('mingjian-no-such-account');
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
