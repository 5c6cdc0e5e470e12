export * from './model';
export * from './validate';
export * from './evidence';
export * from './overlays';
export * from './evaluate';
export * from './systemControls';
export * from './findings';
export * from './diff';
