import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, Role } from './common';
import { Enterprise } from './enterprise';

export const User = Type.Object(
  {
    id: Id,
    role: Role,
    displayName: Type.String(),
    department: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
    /** Masked, e.g. 138****1234; the full number is never sent back. */
    phoneMasked: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'User' },
);
export type User = Static<typeof User>;

export const WechatLogin = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'wx.login 返回的 code' }) },
  { additionalProperties: false },
);
export type WechatLogin = Static<typeof WechatLogin>;

export const StaffLogin = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type StaffLogin = Static<typeof StaffLogin>;

export const Session = Type.Object({ token: Type.String(), expiresAt: Instant, user: User });
export type Session = Static<typeof Session>;

export const Me = Type.Object({ user: User, enterprise: Type.Union([Enterprise, Type.Null()]) });
export type Me = Static<typeof Me>;

export const PhoneCode = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'getPhoneNumber 按钮返回的 code' }) },
  { additionalProperties: false },
);
export type PhoneCode = Static<typeof PhoneCode>;

export const Health = Type.Object({
  status: Type.Literal('ok'),
  db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
});
export type Health = Static<typeof Health>;

/** What the app needs to know about the server before login. */
export const AppMeta = Type.Object({
  demo: Type.Boolean({ description: '演示模式：H5 显示“测试 openid”登录框' }),
});
export type AppMeta = Static<typeof AppMeta>;
