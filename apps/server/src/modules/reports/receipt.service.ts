// Receipts (M-11): 16 random digits shown once to the reporter. Only a keyed hash (HMAC-SHA-256 with the key kept
// outside the database) is stored, so a stolen database cannot be searched for receipts: 10^16 guesses would each
// need the key.
import { randomInt } from 'node:crypto';
import type { SecretBox } from '../../platform/crypto/index.js';

export function newReceipt(): string {
  let digits = '';
  for (let i = 0; i < 4; i++) digits += String(randomInt(0, 10_000)).padStart(4, '0');
  return digits.match(/\d{4}/g)!.join('-');
}

export const receiptDigest = (box: SecretBox, receipt: string) =>
  box.digest(receipt.replaceAll('-', ''), 'report-receipt');
