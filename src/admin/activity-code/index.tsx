// 签到码: the projector screen. Shows the activity's code, fetched again every ~20 s (each code is accepted for 40 s),
// with the title, the live count of who is in (every 5 s) and countdowns to the next code and to the start or end.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { ActionOutput, ActivityDetail } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import type { CallError } from '@/services/call-error';
import { toCallError } from '@/services/call-error';
import { checkInLink } from '@/services/checkin-device';
import { timeRange } from '@/utils/checkin';
import { AdminGate } from '../shared/admin-gate';
import './index.scss';

type QrImage = ActionOutput<'checkin', 'qrImage'>;
type Counts = ActionOutput<'checkin', 'attendance'>;

/** How often the live count is read (a summary: a few database reads, not the lists). */
export const COUNT_POLL_MS = 5_000;
/** After a failed code fetch, try again this soon. */
const RETRY_MS = 3_000;

/**
 * A duration as people say it, e.g. "18 分 17 秒", "1 小时 02 分", "45 秒": "18:17 距活动开始" read like a clock time.
 * Seconds are rounded up, so that 0 秒 shows only when the moment has come.
 */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} 小时 ${String(m).padStart(2, '0')} 分`;
  if (m > 0) return `${m} 分 ${String(sec).padStart(2, '0')} 秒`;
  return `${sec} 秒`;
}

/**
 * The line under the code, e.g. "二维码每 20 秒更新，13 秒后刷新". The wait shown never exceeds the period it names:
 * the page's clock ticks once a second, so just after a fetch it can still be up to a second behind.
 */
export function refreshText(refreshMs: number, msLeft: number): string {
  return `二维码每 ${Math.round(refreshMs / 1000)} 秒更新，${countdown(Math.min(msLeft, refreshMs))}后刷新`;
}

function useRotatingCode(activityId: string): { code: QrImage | null; nextAt: number; error: CallError | null } {
  const [code, setCode] = useState<QrImage | null>(null);
  const [nextAt, setNextAt] = useState(0);
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchCode = async () => {
      let wait = RETRY_MS;
      try {
        const next = await call('checkin', 'qrImage', { activityId });
        if (stopped) return;
        setCode(next);
        setError(null);
        wait = next.refreshMs;
      } catch (err) {
        if (stopped) return;
        const e = toCallError(err);
        setError(e);
        // The activity ended or the caller lost the role: fetching again will not help.
        if (e.code === 'FAILED_PRECONDITION' || e.code === 'PERMISSION_DENIED' || e.code === 'NOT_FOUND') return;
      }
      setNextAt(Date.now() + wait);
      timer = setTimeout(fetchCode, wait);
    };
    fetchCode();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [activityId]);
  return { code, nextAt, error };
}

function useLiveCount(activityId: string): Counts | null {
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = () =>
      call('checkin', 'attendance', { activityId, summary: true }).then(
        (c) => !stopped && setCounts(c),
        () => undefined,
      );
    read();
    const timer = setInterval(read, COUNT_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [activityId]);
  return counts;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function CodeScreen({ activity }: { activity: ActivityDetail }) {
  const { code, nextAt, error } = useRotatingCode(activity.activityId);
  const counts = useLiveCount(activity.activityId);
  const now = useNow();
  const start = Date.parse(activity.startAt);
  const end = Date.parse(activity.endAt);
  const link = code ? checkInLink(code.scene) : null;

  return (
    <View className="code-screen">
      <Text className="code-screen__kind">{activity.kind}</Text>
      <Text className="code-screen__title">{activity.title}</Text>
      <Text className="code-screen__time">
        {timeRange(activity)}
        {activity.place ? ` · ${activity.place}` : ''}
      </Text>
      <View className="code-screen__board">
        <View className="code-screen__code" data-checkin-url={link ?? ''}>
          {code ? (
            <Image
              className="code-screen__image"
              src={code.image}
              mode="scaleToFill"
              ariaLabel="签到二维码"
              nativeProps={{ alt: '签到二维码' }}
            />
          ) : (
            <Text className="code-screen__placeholder">{error ? error.message : '正在生成签到码…'}</Text>
          )}
        </View>
        <Text className="code-screen__scan">请用微信“扫一扫”扫码签到</Text>
        {code && error && <Text className="code-screen__error">{error.message}</Text>}
        {code && !error && <Text className="code-screen__refresh">{refreshText(code.refreshMs, nextAt - now)}</Text>}
      </View>
      <View className="code-screen__stats">
        <View className="code-screen__stat">
          <Text className="code-screen__value code-screen__present">{counts ? counts.present : '–'}</Text>
          <Text className="code-screen__label">已签到</Text>
        </View>
        <View className="code-screen__stat">
          <Text className="code-screen__value">{counts ? counts.expected : '–'}</Text>
          <Text className="code-screen__label">应到</Text>
        </View>
        <View className="code-screen__stat">
          <Text className="code-screen__value code-screen__clock">
            {now < start ? countdown(start - now) : now < end ? countdown(end - now) : '已结束'}
          </Text>
          <Text className="code-screen__label">
            {now < start ? '后活动开始' : now < end ? '后签到结束' : '签到已停止'}
          </Text>
        </View>
      </View>
      {link && (
        <Text className="code-screen__link" selectable>
          本地调试地址：{link}
        </Text>
      )}
      <View
        className="code-screen__attendance"
        onClick={() =>
          Taro.navigateTo({ url: `/admin/attendance/index?activityId=${encodeURIComponent(activity.activityId)}` })
        }
      >
        查看出勤与补签
      </View>
    </View>
  );
}

function Activity({ activityId }: { activityId: string }) {
  const state = useRemote(useCallback(() => call('checkin', 'get', { activityId }), [activityId]));
  return (
    <LoadState state={state} loadingText="正在读取活动…">
      {(activity) => <CodeScreen activity={activity} />}
    </LoadState>
  );
}

export default function ActivityCodePage() {
  const activityId = useRouter().params.activityId ?? '';
  return (
    <AdminGate page="activities" className="code-page">
      {() => <Activity activityId={activityId} />}
    </AdminGate>
  );
}
