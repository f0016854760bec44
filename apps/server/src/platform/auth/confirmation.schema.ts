// The body of a signature in person (issue 14 §3, issue 15 §1): the password or a one-time code again, one of the two.
import { z } from 'zod';

export const confirmationBody = z
  .object({
    password: z.string().min(1).max(200).optional(),
    totp: z
      .string()
      .regex(/^\d{6}$/, { message: '动态验证码为 6 位数字 / The one-time code is 6 digits' })
      .optional(),
  })
  .strict()
  .refine((v) => (v.password === undefined) !== (v.totp === undefined), {
    message: '请输入密码或动态验证码（二者选一）以确认本人签名 / Give your password or a one-time code to sign',
    path: ['password'],
  });
