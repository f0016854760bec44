// The body of a signature in person (issue 14 §3, issue 15 §1): the password or a one-time code again, one of the two.
// A body that carries more (a quarterly report's quarter) spreads the fields and adds the same check.
import { z } from 'zod';

export const confirmationFields = {
  password: z.string().min(1).max(200).optional(),
  totp: z
    .string()
    .regex(/^\d{6}$/, { message: '动态验证码为 6 位数字 / The one-time code is 6 digits' })
    .optional(),
};

/** Exactly one of the two. */
export const oneSecret: [(v: { password?: string; totp?: string }) => boolean, { message: string; path: string[] }] = [
  (v) => (v.password === undefined) !== (v.totp === undefined),
  {
    message: '请输入密码或动态验证码（二者选一）以确认本人签名 / Give your password or a one-time code to sign',
    path: ['password'],
  },
];

export const confirmationBody = z
  .object(confirmationFields)
  .strict()
  .refine(...oneSecret);
