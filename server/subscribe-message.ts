// WeChat subscribe messages (subscribeMessage.send), typed once: the SDK's typing leaves this open API out.
import { cloud } from './cloud';

/** A subscribe message as `subscribeMessage.send` takes it. */
export type SubscribeMessage = {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
};

interface SubscribeMessageApi {
  subscribeMessage: { send(message: SubscribeMessage): Promise<unknown> };
}

/** Sends one subscribe message; WeChat's failure (not subscribed, template mismatch) is thrown to the caller. */
export async function sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
  await (cloud.openapi as unknown as SubscribeMessageApi).subscribeMessage.send(message);
}
