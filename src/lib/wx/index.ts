export * from './env';
export * from './storage';
export * from './ui';
export * from './login';
export * from './phone';
export * from './privacy';
