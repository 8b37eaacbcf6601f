import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody } from '../../types/errors';
import { HttpError } from '../lib/http-error';

export const INTERNAL_MESSAGE = '服务器开小差了，请稍后再试';

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const CONTEXT_NAMES: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** The ajv issue in words a user can act on. */
function describe(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return '不能为空';
    case 'minLength':
      return p.limit === 1 ? '不能为空' : `至少需要${String(p.limit)}个字符`;
    case 'maxLength':
      return `不能超过${String(p.limit)}个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `不能小于${String(p.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `不能大于${String(p.limit)}`;
    case 'minItems':
      return `至少需要${String(p.limit)}项`;
    case 'maxItems':
      return `最多${String(p.limit)}项`;
    case 'type':
      return p.type === 'integer' || p.type === 'number' ? '应为数字' : '类型不正确';
    case 'format':
      return p.format === 'date' ? '应为日期，如 2024-01-31' : '格式不正确';
    case 'pattern':
      return '格式不正确';
    case 'additionalProperties':
      return `不支持字段“${String(p.additionalProperty)}”`;
    case 'const':
    case 'enum':
    case 'anyOf':
      return '取值不在允许范围内';
    default:
      return '取值不正确';
  }
}

function fieldOf(issue: AjvIssue): string | undefined {
  const parts = issue.instancePath.split('/').filter(Boolean);
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') parts.push(issue.params.missingProperty);
  return parts.length ? parts.join('.') : undefined;
}

export function validationBody(issues: AjvIssue[], context?: string): ErrorBody {
  // For a union, ajv reports every branch; the most specific issue is the deepest path.
  const issue = [...issues].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const field = issue ? fieldOf(issue) : undefined;
  const label = field ?? CONTEXT_NAMES[context ?? ''] ?? '请求';
  const message = `${label}：${issue ? describe(issue) : '取值不正确'}`;
  return { error: field ? { code: 'VALIDATION', message, field } : { code: 'VALIDATION', message } };
}

const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式不正确'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '无权访问'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方式'],
  406: ['NOT_ACCEPTABLE', '不支持请求的返回格式'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大，请精简后再提交'],
  414: ['URI_TOO_LONG', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持该内容类型，请以 JSON 提交'],
  429: ['RATE_LIMITED', '操作过于频繁，请稍后再试'],
};

function toResponse(err: FastifyError | HttpError): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.field) body.error.field = err.field;
    return { status: err.statusCode, body };
  }
  if (err.validation) {
    return { status: 400, body: validationBody(err.validation as AjvIssue[], err.validationContext) };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const [code, message] = CLIENT_ERRORS[status] ?? ['BAD_REQUEST', '请求无法处理'];
    return { status, body: { error: { code, message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } } };
}

/**
 * Errors the router raises before any route or hook runs (a malformed percent-encoding, an
 * over-long path parameter): Fastify answers those itself unless told otherwise, in its own
 * shape and echoing the URL back.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toResponse(err);
  request.log.info({ errorCode: body.error.code, status }, 'request rejected by router');
  void reply.status(status).send(body);
}

async function errorsPlugin(fastify: FastifyInstance) {
  fastify.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const { status, body } = toResponse(err);
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
    } else {
      request.log.info({ errorCode: body.error.code, status }, 'request rejected');
    }
    return reply.status(status).send(body);
  });

  fastify.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: '请求的资源不存在' } };
    request.log.info({ method: request.method }, 'route not found');
    return reply.status(404).send(body);
  });
}

export default fp(errorsPlugin, { name: 'errors' });
