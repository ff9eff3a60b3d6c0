// 我的诉求: the caller's tickets, newest first, with status and deadline; tap one for its timeline.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { HOTLINE_PAGES, TicketRow } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';

export default function HotlineMinePage() {
  const fetcher = useCallback(() => call('hotline', 'mine', {}), []);
  const state = useRemote(fetcher);
  // Back from a ticket (withdrawn, rated …): load again, but not on the first show, which the mount already loads.
  useReloadOnReturn(state.reload);
  return (
    <PageShell>
      <LoadState state={state}>
        {({ tickets }) => (
          <>
            {tickets.length === 0 && (
              <View className="card">
                <Text className="muted">您还没有提交过诉求。</Text>
              </View>
            )}
            {tickets.map((t) => (
              <TicketRow key={t.ticketId} ticket={t} />
            ))}
            <View className="actions">
              <Button
                type="primary"
                size="large"
                onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.submit })}
                style={{ flex: 1 }}
              >
                我要反映
              </Button>
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
