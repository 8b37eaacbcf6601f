import { Type, type Static } from '@sinclair/typebox';

/**
 * WeChat subscribe messages: one accepted request allows one send. The app asks from a tap
 * (wx.requestSubscribeMessage) and reports each template's answer here.
 */
export const SUBSCRIBE_TEMPLATE_KEYS = ['newPolicy', 'benefitPublicized', 'benefitPaid'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

export const SubscribeTemplate = Type.Object({
  /** newPolicy, benefitPublicized, benefitPaid, and any other feature's own templates. */
  key: Type.String(),
  templateId: Type.String(),
  title: Type.String(),
  /** Sends still allowed (accepted requests not yet used). */
  credits: Type.Integer({ minimum: 0 }),
});
export type SubscribeTemplate = Static<typeof SubscribeTemplate>;

export const SubscriptionState = Type.Object({ templates: Type.Array(SubscribeTemplate) }, { $id: 'SubscriptionState' });
export type SubscriptionState = Static<typeof SubscriptionState>;

export const SubscriptionAnswer = Type.Object(
  { templateId: Type.String({ minLength: 1, maxLength: 128 }), accepted: Type.Boolean() },
  { additionalProperties: false },
);
export type SubscriptionAnswer = Static<typeof SubscriptionAnswer>;
