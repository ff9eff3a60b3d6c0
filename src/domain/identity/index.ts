// Identity and organisation rules shared by the `user` and `org` functions and the admin pages.
export * from './bind';
export * from './grants';
export * from './name';
export * from './org-tree';
export * from './phone';
export * from './roster';
export * from './roster-sheet';
export * from './invite';
