// Mini-program: no switcher, the caller is whoever WeChat says they are.
export function IdentitySwitcher() {
  return null;
}
