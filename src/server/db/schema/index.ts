export * from './users';
export * from './platform';
export * from './network';
export * from './appointments';
export * from './documents';
export * from './audit';
