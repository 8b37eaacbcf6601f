import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config';

/** Query parameters whose values must never reach a log line. */
const SECRET_PARAMS = /^(code|token|access_token|openid|phone|phonenumber|password|secret|js_code|address)$/i;

/** `/x?code=abc&page=2` -> `/x?code=[已隐藏]&page=2` */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=');
      return SECRET_PARAMS.test(decodeURIComponent(name ?? '')) ? `${name}=[已隐藏]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

const SECRET_FIELDS = ['token', 'password', 'phone', 'phoneNumber', 'purePhoneNumber', 'openid', 'unionid', 'address', 'sessionKey', 'session_key', 'secret', 'js_code'];
/**
 * WeChat's one-time login and phone codes travel as `code` in request bodies. Only there (and at the
 * top level) is `code` hidden: `err.code` is an error's kind (SQLITE_BUSY, 23505) that operators need.
 */
const CODE_PATHS = ['code', 'body.code', 'req.body.code'];

/**
 * Personal data and credentials are redacted wherever they appear in a logged object (top level
 * and one level down), and request lines never carry their query secrets or headers.
 */
export function loggerOptions(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        ...SECRET_FIELDS,
        ...SECRET_FIELDS.map((f) => `*.${f}`),
        ...SECRET_FIELDS.map((f) => `body.${f}`),
        ...CODE_PATHS,
      ],
      censor: '[已隐藏]',
    },
    serializers: {
      req(req: { method: string; url: string; id?: string }) {
        return { method: req.method, url: safeUrl(req.url), id: req.id };
      },
    },
  };
}
