import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../../types/common';
import { AppealDecision, MyTicketQuery, Ticket, TicketPage } from '../../../../types/satisfaction';
import { errorResponses } from '../../responses';
import { applyTicketAction } from '../../tickets/ticket-actions';
import { toTickets } from '../../tickets/ticket-view';

const TAGS = ['整改工单'];

const appeals: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['admin'] },
      schema: { tags: TAGS, summary: '待复核的申诉', querystring: MyTicketQuery, response: { 200: TicketPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const now = fastify.clock.now().toISOString();
      const { rows, total } = await fastify.repos.tickets.list({ status: 'appealing', now }, request.query.page, request.query.pageSize);
      return { items: await toTickets(fastify.repos, rows, () => ({ kind: 'office' }), now), total };
    },
  );

  fastify.post(
    '/:id/decide',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '营商办复核申诉：成立则该评价不计入统计（记录保留）',
        params: IdParams,
        body: AppealDecision,
        response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { upheld, note } = request.body;
      return applyTicketAction(fastify, request, request.params.id, {
        action: upheld ? 'appeal_upheld' : 'appeal_rejected',
        label: '复核申诉',
        by: 'office',
        from: ['appealing'],
        patch: (row, now) => ({
          status: upheld ? 'voided' : (row.status_before_appeal ?? 'open'),
          appeal_upheld: upheld ? 1 : 0,
          appeal_note: note,
          appeal_decided_at: now,
        }),
        note,
        after: async (repos, row) => {
          if (!upheld) return;
          // Same transaction as the decision: the statistics never count a voided rating.
          const voided = await repos.ratings.void(row.rating_id);
          if (voided) await repos.ratings.bumpStats(voided.key, voided.scores, -1);
        },
      });
    },
  );
};
export default appeals;
