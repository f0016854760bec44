// argon2id password hashes (@node-rs/argon2 defaults: m=19456 KiB, t=2, p=1 — OWASP's minimum).
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { type AppError, invalidField } from '../http/errors.js';

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

/** Issue 13 §1: the shortest password an account may have. */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;

let common: Promise<Set<string>> | undefined;
/** The 49,233 most used passwords (zxcvbn-ts's list, shipped with the package), loaded at the first check. */
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common'])));

/**
 * What is wrong with a new password, as a 400 naming the rule; null when it may be used. Refused: shorter than 12 or
 * longer than 200 characters, the account name in it, one character repeated, or a commonly used password — also
 * with digits or symbols added at either end ("password1234!", "1234qwertyuiop").
 */
export async function passwordProblem(password: string, username: string): Promise<AppError | null> {
  const bad = (zh: string, en: string) => invalidField('password', zh, en);
  if (password.length < PASSWORD_MIN)
    return bad(`密码至少 ${PASSWORD_MIN} 个字符`, `The password needs at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX)
    return bad(`密码不能超过 ${PASSWORD_MAX} 个字符`, `The password may have at most ${PASSWORD_MAX} characters`);
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    return bad('密码不能包含账号名', 'The password may not contain the account name');
  if (new Set(lower).size === 1)
    return bad('密码不能由同一个字符重复组成', 'The password may not repeat one character');
  const list = await commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)))
    return bad(
      '这是常见密码，容易被猜中，请换一个',
      'This is a commonly used password and easy to guess; choose another',
    );
  return null;
}

// No 0/O, 1/l/I: read aloud or copied from a screen without doubt. 16 of 56 symbols ≈ 93 bits.
const OTP_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A one-time password (issue 13 §1, create and reset): four groups of four, e.g. `k7Qm-x3Tb-…`. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => OTP_ALPHABET[randomInt(OTP_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
