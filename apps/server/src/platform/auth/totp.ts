// TOTP second factor (RFC 6238, 30 s steps, ±1 step), checked against the app's clock, not Date.now().
import { authenticator } from 'otplib';

export const newTotpSecret = () => authenticator.generateSecret(20);

export function totpCode(secret: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(secret);
}

export function checkTotp(secret: string, code: string, at: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return authenticator.clone({ epoch: at.getTime(), window: 1 }).check(code, secret);
}

export function totpUri(secret: string, username: string): string {
  return authenticator.keyuri(username, '明鉴 Mingjian', secret);
}
