// 扫码签到: reads the scene the code carries, shows the activity, and checks the bound member in with one tap; every
// outcome is its own screen (签到成功 / 已签到 / why it failed and what to do). An unbound member binds here first.
import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionOutput, ActivityDetail } from '@/domain/api';
import { checkinParseScene } from '@/domain/checkin';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { bothStates, useRemote, useResource } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { BindForm } from '@/pages/mine/bind-form';
import { call } from '@/services/call';
import { CallError } from '@/services/call-error';
import { canScanAgain, currentLocation, launchScene, scanCheckInScene } from '@/services/checkin-device';
import type { Session } from '@/services/session';
import { isAnonymous, session } from '@/services/session';
import { flagText, timeRange } from '@/utils/checkin';
import { clockText } from '@/utils/time';
import './index.scss';

type CheckInResult = ActionOutput<'checkin', 'checkIn'>;

/** WeChat passes the scene URL-encoded in the page options; the H5 query may be encoded as well. */
export function sceneFromParams(params: Record<string, string | undefined>): string {
  const raw = params.scene ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Tone = 'ok' | 'warn' | 'bad';

interface ResultProps {
  tone: Tone;
  title: string;
  lines: string[];
  children?: ReactNode;
}

function ResultScreen({ tone, title, lines, children }: ResultProps) {
  return (
    <View className={`checkin-result checkin-result--${tone}`}>
      <View className="checkin-result__icon">{tone === 'ok' ? '✓' : '!'}</View>
      <Text className="checkin-result__title">{title}</Text>
      {lines.map((l) => (
        <Text key={l} className="checkin-result__line">
          {l}
        </Text>
      ))}
      <View className="checkin-result__actions">{children}</View>
    </View>
  );
}

const goHome = () => Taro.switchTab({ url: '/pages/index/index' });
const goList = () => Taro.navigateTo({ url: '/pages/activities/index' });

function Done({ result }: { result: CheckInResult }) {
  const late = result.status === 'late';
  const lines = [
    result.title,
    `签到时间 ${clockText(result.checkedInAt)}${late ? '（活动开始后签到，记为迟到）' : ''}`,
  ];
  if (result.flags.length) lines.push(`已记录：${flagText(result.flags)}，支部书记会核实`);
  return (
    <ResultScreen
      tone={result.duplicate || !late ? 'ok' : 'warn'}
      title={result.duplicate ? '您已签到' : late ? '签到成功（迟到）' : '签到成功'}
      lines={result.duplicate ? ['无需重复扫码', ...lines] : lines}
    >
      <Button className="checkin-result__button" type="primary" size="large" block onClick={goList}>
        查看我的活动
      </Button>
    </ResultScreen>
  );
}

interface FailedProps {
  error: CallError;
  onRescan: (scene: string) => void;
}

/**
 * What to do about an expired code, said once: the title already says 已过期, and the server's message (签到码已过期，
 * 请重新扫描…) would say it a second time.
 */
const expiredAdvice = canScanAgain
  ? '大屏上的二维码每 20 秒更换一次，请点“重新扫码”扫描正在显示的二维码'
  : '大屏上的二维码每 20 秒更换一次，请重新扫描正在显示的二维码';

function Failed({ error, onRescan }: FailedProps) {
  const expired = error.code === 'FAILED_PRECONDITION' && error.reason === 'CHECKIN_CODE_EXPIRED';
  const title =
    error.code === 'INVALID_ARGUMENT'
      ? '签到码无效'
      : error.code === 'PERMISSION_DENIED'
        ? '无法签到：非本支部活动'
        : expired
          ? '签到码已过期'
          : error.code === 'FAILED_PRECONDITION'
            ? '现在不能签到'
            : '签到没有成功';
  const rescan = async () => {
    const scene = await scanCheckInScene();
    if (scene) onRescan(scene);
  };
  return (
    <ResultScreen tone="bad" title={title} lines={[expired ? expiredAdvice : error.message]}>
      {(expired || error.code === 'INVALID_ARGUMENT') && canScanAgain && (
        <Button className="checkin-result__button" type="primary" size="large" block onClick={rescan}>
          重新扫码
        </Button>
      )}
      <Button className="checkin-result__button" size="large" block onClick={goHome}>
        返回首页
      </Button>
    </ResultScreen>
  );
}

interface ReadyProps {
  scene: string;
  activity: ActivityDetail;
  me: Session;
  onRescan: (scene: string) => void;
}

function Ready({ scene, activity, me, onRescan }: ReadyProps) {
  const [result, setResult] = useState<CheckInResult | null>(null);
  // The failure's code decides the screen (Failed), so the hook's failure is read, not its error line.
  const { busy, failure: error, submit } = useSave();

  const go = () =>
    submit(async () => {
      const location = activity.hasLocation ? await currentLocation() : undefined;
      const where = launchScene();
      return call('checkin', 'checkIn', {
        scene,
        ...(location ? { location } : {}),
        ...(where !== undefined ? { launchScene: where } : {}),
      });
    }, setResult);

  if (result) return <Done result={result} />;
  if (error) return <Failed error={error} onRescan={onRescan} />;
  return (
    <View className="checkin-ready">
      <View className="card checkin-activity">
        <Text className="checkin-activity__kind">{activity.kind}</Text>
        <Text className="checkin-activity__title">{activity.title}</Text>
        <Text className="checkin-activity__line">时间：{timeRange(activity)}</Text>
        {activity.place && <Text className="checkin-activity__line">地点：{activity.place}</Text>}
      </View>
      <Text className="checkin-ready__who">签到人：{me.member?.name}</Text>
      <Button
        className="checkin-ready__go"
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={go}
      >
        {busy ? '正在签到…' : '确认签到'}
      </Button>
      {activity.hasLocation && <Text className="card__hint">本活动会核对签到位置，请允许获取位置信息。</Text>}
    </View>
  );
}

function CheckIn({ scene, onRescan }: { scene: string; onRescan: (scene: string) => void }) {
  const parsed = checkinParseScene(scene);
  const activityId = parsed?.activityId ?? '';
  const me = useResource(session);
  const activity = useRemote(
    useCallback(
      () =>
        activityId
          ? call('checkin', 'get', { activityId })
          : Promise.reject(new CallError('INVALID_ARGUMENT', '这不是签到二维码')),
      [activityId],
    ),
  );
  const state = bothStates(me, activity);

  if (!parsed) {
    return (
      <ResultScreen tone="bad" title="签到码无效" lines={['这不是签到二维码，请扫描现场大屏上的二维码。']}>
        <Button className="checkin-result__button" size="large" block onClick={goHome}>
          返回首页
        </Button>
      </ResultScreen>
    );
  }
  if (activity.error?.code === 'NOT_FOUND') {
    return <Failed error={activity.error} onRescan={onRescan} />;
  }
  return (
    <LoadState state={state} loadingText="正在读取活动…">
      {([session_, detail]) =>
        isAnonymous(session_) ? (
          <ResultScreen tone="bad" title="未识别微信身份" lines={['请在微信中扫码打开本小程序。']} />
        ) : !session_.member ? (
          <>
            <View className="checkin-bind-note">
              <Text className="checkin-bind-note__title">签到前请先绑定党员身份</Text>
              <Text className="checkin-bind-note__text">绑定后会回到这里，继续为“{detail.title}”签到。</Text>
            </View>
            <BindForm onBound={() => session.load(true)} />
          </>
        ) : (
          <Ready key={scene} scene={scene} activity={detail} me={session_} onRescan={onRescan} />
        )
      }
    </LoadState>
  );
}

export default function CheckInPage() {
  const router = useRouter();
  const [scene, setScene] = useState(() => sceneFromParams(router.params));
  return (
    <PageShell className="checkin-page">
      <CheckIn key={scene} scene={scene} onRescan={setScene} />
    </PageShell>
  );
}
