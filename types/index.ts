export * from './common';
export * from './errors';
export * from './enterprise';
export * from './auth';
export * from './uscc';
export * from './policy';
export * from './benefit';
export * from './message';
