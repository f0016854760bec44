// TOTP second factor (RFC 6238, 30 s steps, ±1 step), checked against the app's clock, not Date.now().
import { authenticator } from 'otplib';

export const newTotpSecret = () => authenticator.generateSecret(20);

export function totpCode(secret: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(secret);
}

const STEP_MS = 30_000;

/** The 30-second step the code belongs to (±1 step around `at`), or null when it does not match. */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: at.getTime(), window: 1 }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(at.getTime() / STEP_MS) + delta;
}

/** A code is accepted once: its step must be later than the last accepted one (RFC 6238 §5.2). */
export function checkTotp(secret: string, code: string, at: Date, lastStep: number | null = null): number | null {
  const step = totpStep(secret, code, at);
  return step !== null && (lastStep === null || step > lastStep) ? step : null;
}

export function totpUri(secret: string, username: string): string {
  return authenticator.keyuri(username, '明鉴 Mingjian', secret);
}
