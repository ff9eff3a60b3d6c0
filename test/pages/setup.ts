// Page-test set-up: silences one known React DOM warning about NutUI's icon styles (-webkitMask), nothing else.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (
    typeof args[0] === 'string' &&
    args[0].includes('Unsupported style property %s') &&
    String(args[1]).startsWith('-webkit')
  )
    return;
  consoleError(...args);
};
