export * from './api-error';
export { request, configureAuth, configureClient, createSubmission } from './client';
export type { RequestOptions, HttpMethod } from './client';
