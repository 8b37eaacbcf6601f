import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { IdParams } from '../../../types/common';
import { PolicyDetail, PolicyFacets, PolicyFacetsQuery, PolicyList, PolicyListQuery, type PolicyListItem } from '../../../types/policy';
import { evaluatePolicy } from '../../../types/policy-match';
import { HttpError } from '../../lib/http-error';
import { queryTokens } from '../../lib/search';
import { toChinaDate } from '../../lib/working-days';
import type { PolicyFilter } from '../../repositories/policies';
import type { SessionUser } from '../../repositories/sessions';
import { errorResponses } from '../responses';
import { optionalCaller } from './caller';
import { SearchCache } from './search-cache';
import { toDetail, toListItem } from './views';

export const POLICY_NOT_FOUND = () => new HttpError(404, 'POLICY_NOT_FOUND', '政策不存在或尚未发布');
export const NOT_BOUND = () => new HttpError(409, 'ENTERPRISE_NOT_BOUND', '请先绑定企业');

/** Sends JSON text we already made (and may have cached), so it is not serialized twice. */
function sendJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** Staff see their own department's unpublished policies, admins all; nobody else does. */
export function mayManage(user: SessionUser | null, departmentId: number): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'staff' && user.departmentId === departmentId);
}

/**
 * How long a read of the index version is trusted. Writes through this process announce themselves
 * (policyEvents 'changed') and are seen at once; another process's writes within this time.
 */
const VERSION_TTL_MS = 1000;

const policies: FastifyPluginAsyncTypebox = async (fastify) => {
  // One per app (not per module), so two apps in one process never share answers.
  const cache = new SearchCache<string>();
  // The ranked ids of recent text searches: every further page of a common word is a slice of one ranking.
  const rankings = new SearchCache<number[]>(200);
  const inFlight = new Map<string, Promise<string>>();
  const today = () => toChinaDate(fastify.clock.now());
  let version = { value: 0, readAt: Number.NEGATIVE_INFINITY };
  fastify.policyEvents.on('changed', () => {
    version = { value: 0, readAt: Number.NEGATIVE_INFINITY };
  });
  async function indexVersion(): Promise<number> {
    const now = Date.now();
    if (now - version.readAt < VERSION_TTL_MS) return version.value;
    const value = await fastify.repos.policies.version();
    version = { value, readAt: now };
    return value;
  }

  /** The bound enterprise of a caller asking for 仅看我可享. */
  async function eligibleEnterprise(caller: SessionUser | null) {
    if (!caller) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录后查看可享政策');
    if (caller.role !== 'enterprise') throw new HttpError(403, 'FORBIDDEN', '仅企业用户可筛选可享政策');
    if (caller.enterpriseId === null) throw NOT_BOUND();
    const enterprise = await fastify.repos.enterprises.findById(caller.enterpriseId);
    if (!enterprise) throw NOT_BOUND();
    return enterprise;
  }

  fastify.get(
    '',
    {
      config: { access: 'public', rateLimit: 'search' },
      schema: {
        tags: ['政策'],
        summary: '检索政策（默认仅已发布且未过期）',
        description: '两个汉字即可检索（如 社保、补贴、贷款），也支持长词与中英文数字混合（如“2023 稳岗”）。按相关度、再按发布时间排序。eligible=true 时需企业用户登录并已绑定企业。',
        querystring: PolicyListQuery,
        response: { 200: PolicyList, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { q, eligible, page = 1, pageSize = 20, ...rest } = request.query;
      const day = today();
      // Fast path: the same URL again is answered before any tokenising or SQL.
      const current = eligible ? 0 : await indexVersion();
      const byUrl = eligible ? undefined : cache.get(current, day, request.url);
      if (byUrl !== undefined) return sendJson(reply, byUrl);
      const tokens = q ? queryTokens(q) : [];
      const filter: PolicyFilter = { ...rest, departmentId: rest.department, tokens, today: day };
      const text = tokens.length > 0 ? q : undefined;
      const offset = (page - 1) * pageSize;

      if (eligible) {
        const enterprise = await eligibleEnterprise(await optionalCaller(fastify, request));
        const { rows } = await fastify.repos.policies.search(filter);
        const matched = rows.filter((r) => evaluatePolicy(r.conditions, enterprise, day).matched);
        const items = matched.slice(offset, offset + pageSize).map((r) => toListItem(r, day, text));
        return sendJson(reply, JSON.stringify({ items, total: matched.length }));
      }

      // Then by meaning: " 社保 " and "社保" share one answer.
      const key = JSON.stringify([tokens, rest, page, pageSize]);
      let json = cache.get(current, day, key);
      if (json === undefined) {
        // One computation per key at a time: a burst of the same search right after a change waits for the first.
        const flightKey = `${current}|${day}|${key}`;
        let flight = inFlight.get(flightKey);
        if (!flight) {
          flight = (async () => {
            if (tokens.length === 0) {
              const { rows, total } = await fastify.repos.policies.search(filter, { limit: pageSize, offset });
              return JSON.stringify({ items: rows.map((r) => toListItem(r, day, text)), total });
            }
            const rankKey = JSON.stringify([tokens, rest]);
            let ranked = rankings.get(current, day, rankKey);
            if (ranked === undefined) {
              ranked = await fastify.repos.policies.rankedIds(filter);
              rankings.set(current, day, rankKey, ranked);
            }
            const rows = await fastify.repos.policies.summaries(ranked.slice(offset, offset + pageSize));
            const items: PolicyListItem[] = rows.map((r) => toListItem(r, day, text));
            return JSON.stringify({ items, total: ranked.length });
          })().finally(() => inFlight.delete(flightKey));
          inFlight.set(flightKey, flight);
        }
        json = await flight;
        cache.set(current, day, key, json);
      }
      cache.set(current, day, request.url, json);
      return sendJson(reply, json);
    },
  );

  fastify.get(
    '/facets',
    {
      // With words to look for, counting is a search like any other: the search limit applies.
      config: { access: 'public', rateLimit: 'search', rateLimitIf: (request) => Boolean((request.query as { q?: unknown }).q) },
      schema: {
        tags: ['政策'],
        summary: '筛选项：各发文部门与标签的政策数',
        description:
          '传入列表当前的筛选条件（q、kind、level、department、tag、method、includeExpired）：部门的数目按除部门外的全部条件计，标签的数目按除标签外的全部条件计，即选中该项后列表的条数。已选的部门或标签即使为 0 条也会列出。',
        querystring: PolicyFacetsQuery,
        response: { 200: PolicyFacets, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const day = today();
      const current = await indexVersion();
      // Same cache as the searches, keyed first by URL, then by meaning (" 社保 " and "社保" share one answer).
      const byUrl = cache.get(current, day, request.url);
      if (byUrl !== undefined) return sendJson(reply, byUrl);
      const { q, department, ...rest } = request.query;
      const tokens = q ? queryTokens(q) : [];
      const key = `facets:${JSON.stringify([tokens, department ?? null, rest])}`;
      let json = cache.get(current, day, key);
      if (json === undefined) {
        json = JSON.stringify(await fastify.repos.policies.facets({ ...rest, departmentId: department, tokens, today: day }));
        cache.set(current, day, key, json);
      }
      cache.set(current, day, request.url, json);
      return sendJson(reply, json);
    },
  );

  fastify.get(
    '/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['政策'],
        summary: '政策详情（未发布的仅本部门工作人员与管理员可见）',
        params: IdParams,
        response: { 200: PolicyDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const day = today();
      // A published policy reads the same for everyone until the index version or the date moves on.
      const current = await indexVersion();
      const key = `detail:${request.params.id}`;
      const hit = cache.get(current, day, key);
      if (hit !== undefined) return sendJson(reply, hit);
      const policy = await fastify.repos.policies.findById(request.params.id);
      if (!policy) throw POLICY_NOT_FOUND();
      if (policy.status !== 'published') {
        if (!mayManage(await optionalCaller(fastify, request), policy.department.id)) throw POLICY_NOT_FOUND();
        return toDetail(policy, day);
      }
      // The route's own serializer (its response schema decides the fields); a string, as no custom one is set.
      const json = reply.serialize(toDetail(policy, day)) as string;
      cache.set(current, day, key, json);
      return sendJson(reply, json);
    },
  );
};

export default policies;
