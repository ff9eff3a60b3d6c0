// Jest set-up for server-side tests (the node project's setupFiles): patches wx-server-sdk the moment a test file first
// requires it, so that modules whose swc `import * as cloud` copy is made before a local cloud is installed reach it.
import type * as SdkPatch from '../../emulator/sdk-patch';

jest.mock('wx-server-sdk', () => {
  const real = jest.requireActual<Record<string, unknown>>('wx-server-sdk');
  (require('../../emulator/sdk-patch') as typeof SdkPatch).patchSdk(real);
  return real;
});
