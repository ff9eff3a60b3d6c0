// Stand-in for stylesheet imports in page tests.
export default {};
