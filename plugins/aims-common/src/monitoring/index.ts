export * from './duration';
export * from './thresholds';
export * from './staleness';
export * from './rollup';
export * from './report';
export * from './findings';
export * from './status';
