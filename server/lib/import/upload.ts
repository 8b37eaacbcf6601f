import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http-error';

/** Largest accepted spreadsheet; the multipart plugin stops reading beyond it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Options for @fastify/multipart in a route plugin that takes one spreadsheet upload. */
export const uploadLimits = { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } };

/**
 * The uploaded file of a multipart request, field `file`, read whole (it is at most 5 MB).
 * The route's plugin must register @fastify/multipart with `uploadLimits`.
 */
export async function readUpload(request: FastifyRequest): Promise<{ filename: string; buffer: Buffer }> {
  if (!request.isMultipart()) throw new HttpError(400, 'IMPORT_FILE', '请以 multipart/form-data 上传文件，字段名为 file', 'file');
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new HttpError(400, 'IMPORT_FILE', '请选择要上传的文件（字段名为 file）', 'file');
    const buffer = await part.toBuffer();
    return { filename: part.filename ?? '', buffer };
  } catch (err) {
    throw uploadError(err);
  }
}

/**
 * Reading the request body fails only because of what the client sent: a cut-off or malformed
 * multipart body (busboy and the stream report those as plain errors), or too much of it.
 */
function uploadError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
    return new HttpError(413, 'IMPORT_TOO_LARGE', `文件不能超过${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'file');
  }
  return new HttpError(400, 'IMPORT_FILE', '上传的内容不完整或格式不正确，请重新选择文件上传', 'file');
}
