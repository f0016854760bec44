// 统一社会信用代码 (GB 32100-2015, issue 15 §1, M-44): 18 characters — registration authority, kind, the 6-digit region
// code of the registering office, the 9-character organization code, and a check character computed modulo 31 over
// the other 17 with the weights 3^i mod 31. A business of a relative is matched to the leader's jurisdiction by the
// region code it carries (characters 3–8).
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // no I, O, S, V, Z
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECKSUM';

/** The check character the first 17 characters call for (null when one of them is not allowed). */
export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARS[(31 - (sum % 31)) % 31];
}

/** null when the code is well formed and its check character is right. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'CREDIT_CODE_FORMAT';
  return creditCheckChar(code.slice(0, 17)) === code[17] ? null : 'CREDIT_CODE_CHECKSUM';
}

/** The region code of the registering office (e.g. 330102). */
export const creditRegion = (code: string) => code.slice(2, 8);
