// 统一社会信用代码 check characters (GB 32100-2015): published codes verify, one changed character is refused, and a
// code with a letter the standard leaves out (I, O, S, V, Z) is malformed.
import { describe, expect, it } from 'vitest';
import { creditCheckChar, creditCodeProblem, creditRegion } from './credit-code.js';

// Codes used as valid examples in public validators' tests (hutool's CreditCodeUtilTest and others).
const REAL = ['91310110666007217T', '91310115591693856A', '91350200776049653A', '91440101MA5CJQ4N59'];

describe('统一社会信用代码 (M-44)', () => {
  it('accepts published codes and reads their region', () => {
    for (const c of REAL) expect(creditCodeProblem(c), c).toBeNull();
    expect(creditRegion('91310110666007217T')).toBe('310110');
  });
  it('refuses a wrong check character, a changed digit, a left-out letter and a wrong length', () => {
    expect(creditCodeProblem('91310110666007217X')).toBe('CREDIT_CODE_CHECKSUM');
    expect(creditCodeProblem('91310110666007218T')).toBe('CREDIT_CODE_CHECKSUM');
    // An early pilot code (Fujian, before the standard) whose check character does not follow it: refused here.
    expect(creditCodeProblem('91350211M00013FA1N')).toBe('CREDIT_CODE_CHECKSUM');
    expect(creditCodeProblem('91310110I66007217T')).toBe('CREDIT_CODE_FORMAT');
    expect(creditCodeProblem('9131011066600721T')).toBe('CREDIT_CODE_FORMAT');
    expect(creditCheckChar('9131011066600721')).toBeNull();
  });
});
