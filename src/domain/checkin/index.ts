// Check-in rules and the rotating code, shared by the `checkin` function and the pages.
export * from './rules';
export * from './token';
