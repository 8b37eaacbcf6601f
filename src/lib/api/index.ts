export * from './api-error';
export { request, configureAuth, configureClient, createSubmission, QUEUED_OFFLINE, QUEUED_OFFLINE_MESSAGE } from './client';
export type { RequestOptions, HttpMethod } from './client';
