// Points and stars: config, caps, stars, 三会一课 cadence and the points distribution (pure).
export * from './config';
export * from './caps';
export * from './stars';
export * from './cadence';
export * from './distribution';
