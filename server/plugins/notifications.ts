import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '../../types/subscription';
import { evaluatePolicy } from '../../types/policy-match';
import { toChinaDate } from '../lib/working-days';
import type { NotificationStatus } from '../repositories/subscriptions';
import { WeChatError } from '../wechat/client';

/** WeChat: the user has not accepted (or has used up) this template — the credit we thought we had is gone. */
const ERRCODE_REFUSED = 43101;

export interface TemplateInfo {
  templateId: string;
  title: string;
}
export type Templates = Record<string, TemplateInfo>;

/** A template as a feature declares it: the env variable holding its real id, and a demo id for DEMO=1 and tests. */
export interface TemplateSpec {
  env: string;
  demo: string;
  title: string;
}

const TEMPLATE_ENV: Record<SubscribeTemplateKey, TemplateSpec> = {
  newPolicy: { env: 'WECHAT_TEMPLATE_NEW_POLICY', demo: 'demo-tpl-new-policy', title: '新政策提醒' },
  benefitPublicized: { env: 'WECHAT_TEMPLATE_BENEFIT_PUBLICIZED', demo: 'demo-tpl-benefit-publicized', title: '免申即享公示提醒' },
  benefitPaid: { env: 'WECHAT_TEMPLATE_BENEFIT_PAID', demo: 'demo-tpl-benefit-paid', title: '政策兑现到账通知' },
};

/** Template ids as configured on the mini-program's 订阅消息 page; demo ids when unset. */
export function templateFromEnv(spec: TemplateSpec, env: Record<string, string | undefined>): TemplateInfo {
  return { templateId: env[spec.env]?.trim() || spec.demo, title: spec.title };
}

export function templatesFromEnv(env: Record<string, string | undefined>): Templates {
  const out: Templates = {};
  for (const key of SUBSCRIBE_TEMPLATE_KEYS) out[key] = templateFromEnv(TEMPLATE_ENV[key], env);
  return out;
}

/** Where a tap on the notice opens in the mini-program. */
export const NOTICE_PAGES = {
  policy: (id: number) => `pages/policies/detail?id=${id}`,
  benefit: (id: number) => `pages/benefits/detail?id=${id}`,
};

export interface Notifications {
  templates: Templates;
  /** Adds a feature's template (e.g. delivery status) at startup; its key is then usable in notify(). */
  registerTemplate(key: string, spec: TemplateSpec): void;
  /**
   * Sends one subscribe message if the user holds a credit for the template (one accept = one send).
   * Never throws: the outcome is recorded and returned.
   */
  notify(userId: number, templateKey: string, data: Record<string, string>, page: string): Promise<NotificationStatus>;
  /** Runs a send after the response without making the caller wait or fail; `idle()` waits for them. */
  background(work: () => Promise<unknown>): void;
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifications: Notifications;
  }
}

/** "1234.5" -> "1234.50元" for an amount field. */
export function yuanText(yuan: number): string {
  return `${yuan.toFixed(2)}元`;
}

async function notificationsPlugin(fastify: FastifyInstance, opts: { templates?: Templates }) {
  const templates: Templates = { ...(opts.templates ?? templatesFromEnv(process.env)) };
  const running = new Set<Promise<void>>();
  const repos = () => fastify.repos.subscriptions;

  async function notify(userId: number, templateKey: string, data: Record<string, string>, page: string): Promise<NotificationStatus> {
    const { templateId } = templates[templateKey];
    const at = fastify.clock.now().toISOString();
    const record = (status: NotificationStatus, errcode: number | null = null) =>
      repos().record({ userId, templateKey, status, errcode, page, at }).then(() => status);

    const openid = await repos().openid(userId);
    if (!openid) return record('skipped');
    const creditId = await repos().spend(userId, templateId, at);
    if (creditId === null) return record('skipped');
    try {
      await fastify.wechat.sendSubscribeMessage({ touser: openid, templateId, page, data });
      return record('sent');
    } catch (err) {
      const errcode = err instanceof WeChatError ? err.errcode : null;
      // Only the template and the code: the openid and the message data stay out of logs.
      fastify.log.warn({ templateKey, errcode }, 'subscribe message not sent');
      if (errcode === ERRCODE_REFUSED) return record('refused', errcode);
      // WeChat did not take the message, so the user's permission to be notified is still unused.
      await repos().refund(creditId);
      return record('failed', errcode);
    }
  }

  function background(work: () => Promise<unknown>): void {
    const run = Promise.resolve()
      .then(work)
      .then(() => undefined)
      .catch((err: unknown) => fastify.log.error({ err }, 'background notification failed'))
      .finally(() => running.delete(run));
    running.add(run);
  }

  async function notifyNewPolicy(policyId: number): Promise<void> {
    const policy = await fastify.repos.policies.findById(policyId);
    if (!policy || policy.status !== 'published') return;
    const now = fastify.clock.now();
    const today = toChinaDate(now);
    // A policy entered after its window closed is not one the enterprise can still use: one accept
    // allows one send, so a notice for it would spend the user's credit on nothing.
    if (policy.validTo !== null && policy.validTo < today) return;
    const subscribers = await repos().subscribers(templates.newPolicy.templateId);
    for (const s of subscribers) {
      if (!evaluatePolicy(policy.conditions, s.profile, today).matched) continue;
      await notify(
        s.userId,
        'newPolicy',
        { thing1: policy.title, thing2: policy.department.name, date3: today, thing4: '您的企业符合条件，点击查看' },
        NOTICE_PAGES.policy(policy.id),
      );
    }
  }

  fastify.decorate('notifications', {
    templates,
    registerTemplate(key, spec) {
      templates[key] = templateFromEnv(spec, process.env);
    },
    notify,
    background,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  });

  fastify.policyEvents.on('published', (policyId) => {
    // Tracked like any other send, so tests and shutdown can wait for it.
    background(() => notifyNewPolicy(policyId));
  });

  fastify.addHook('onClose', async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  });
}

export default fp(notificationsPlugin, { name: 'notifications', dependencies: ['db', 'wechat', 'calendar', 'policy-events'] });
