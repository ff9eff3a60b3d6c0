// 民声热线 rules shared by the `hotline` function and the pages: working days, deadlines, workflow, numbers, masking.
// Pages import the files they need (not this index), so the holiday calendar of `workdays` stays out of the app.
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
