// 民声热线 rules shared by the `hotline` function and the pages: working days, deadlines, workflow, numbers, masking.
// The app (pages, components and the contracts in src/domain/api) imports the files it needs instead of this index, so
// that webpack never reaches `workdays` and its holiday calendar (chinese-days): eslint.config.mjs lists those files
// (HOTLINE_APP_FILES). The functions, tests and scripts import this index.
export * from './categories';
export * from './deadlines';
export * from './limits';
export * from './mask';
export * from './stats';
export * from './ticket-no';
export * from './workdays';
export * from './workflow';
export * from './knowledge';
export * from './programme';
export * from './similarity';
