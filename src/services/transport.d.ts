// Type of `./transport` for the type checker; the build picks transport.weapp.ts or transport.h5.ts (Taro's suffixes).
import type { Transport } from './transport-types';

export declare const transport: Transport;
