// 学习资料: one article. Opening it starts the member's reading clock on the server; once the article's time has
// passed the page asks the server to finish the reading, and shows what it earned (or how long is left, or why not).
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { ArticleBlock, ArticleDetail, NoticeApi } from '@/domain/api/notice';
import { useNow } from '@/hooks/use-now';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { setLargeFont, useLargeFont } from '@/services/preferences';
import { durationText, finishText } from '@/utils/notice';
import { dateText } from '@/utils/time';
import './index.scss';

type Finish = NoticeApi['finishReading']['output'];

/** Seconds the page waits past the article's time before asking: the server's clock decides, not the phone's. */
const SLACK_SECONDS = 1;

function Blocks({ blocks }: { blocks: ArticleBlock[] }) {
  const urls = blocks.flatMap((b) => (b.type === 'image' && b.url ? [b.url] : []));
  return (
    <View className="article__body">
      {blocks.map((b, i) =>
        b.type === 'text' ? (
          b.text.split('\n').map((line, j) => (
            <Text key={`${i}-${j}`} className="article__para">
              {line}
            </Text>
          ))
        ) : (
          <View key={i} className="article__figure">
            {b.url ? (
              <Image
                className="article__image"
                src={b.url}
                mode="widthFix"
                onClick={() => Taro.previewImage({ current: b.url as string, urls })}
              />
            ) : (
              <Text className="article__image-missing">图片暂时无法显示</Text>
            )}
            {b.caption && <Text className="article__caption">{b.caption}</Text>}
          </View>
        ),
      )}
    </View>
  );
}

/** The reading bar: progress while the clock runs, then what the server said. */
function Reading({ a, loadedAt }: { a: ArticleDetail; loadedAt: number }) {
  const [dueAt, setDueAt] = useState(() => loadedAt + (a.requiredSeconds + SLACK_SECONDS) * 1000);
  const [result, setResult] = useState<Finish | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const done = result !== null && result.status !== 'too-short';
  const now = useNow(done ? 60_000 : 1000);

  const finish = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setError(null);
    try {
      const r = await call('notice', 'finishReading', { articleId: a.articleId });
      setResult(r);
      if (r.status === 'too-short') setDueAt(Date.now() + (r.remainingSeconds + SLACK_SECONDS) * 1000);
    } catch (e) {
      setError(toCallError(e).message);
    } finally {
      running.current = false;
    }
  }, [a.articleId]);

  useEffect(() => {
    if (done || error) return undefined;
    const timer = setTimeout(() => void finish(), Math.max(0, dueAt - Date.now()));
    return () => clearTimeout(timer);
  }, [done, error, dueAt, finish]);

  if (done) {
    const earned = result.status === 'credited' && result.awarded > 0;
    return (
      <View className={`article-reading article-reading--${earned ? 'earned' : 'done'}`}>
        <Text className="article-reading__title">{finishText(result, a.dailyCap)}</Text>
        {earned && (
          <Text className="article-reading__hint">积分已记入“我的积分”，每天阅读最多得 {a.dailyCap} 分。</Text>
        )}
      </View>
    );
  }
  const elapsed = Math.min(a.requiredSeconds, Math.max(0, Math.floor((now - loadedAt) / 1000)));
  const percent = a.requiredSeconds > 0 ? Math.round((elapsed / a.requiredSeconds) * 100) : 100;
  return (
    <View className="article-reading">
      <Text className="article-reading__title">
        {elapsed >= a.requiredSeconds
          ? '正在确认阅读时长…'
          : `已阅读 ${durationText(elapsed)}，读满 ${durationText(a.requiredSeconds)}得 ${a.points} 积分`}
      </Text>
      {/* Decoration: the line above says how long has been read (axe refuses aria-label on a plain view). */}
      <View className="article-reading__bar">
        <View className="article-reading__fill" style={{ width: `${percent}%` }} />
      </View>
      {result?.status === 'too-short' && (
        <Text className="article-reading__hint">{finishText(result, a.dailyCap)}，请继续阅读。</Text>
      )}
      {error && (
        <View className="article-reading__error">
          <Text>{error}</Text>
          <Button size="small" type="primary" onClick={() => void finish()}>
            重试
          </Button>
        </View>
      )}
    </View>
  );
}

function Status({ a, loadedAt }: { a: ArticleDetail; loadedAt: number }) {
  if (a.timing) return <Reading a={a} loadedAt={loadedAt} />;
  return (
    <View className="article-reading article-reading--done">
      <Text className="article-reading__title">
        {a.learned ? '✓ 已学习，积分已计入' : '绑定党员身份后，阅读学习资料可得积分'}
      </Text>
    </View>
  );
}

export default function ArticlePage() {
  const { params } = useRouter();
  const articleId = params.id ?? '';
  const large = useLargeFont();
  const [loadedAt, setLoadedAt] = useState(0);
  const state = useRemote(
    useCallback(async () => {
      const a = await call('notice', 'article', { articleId });
      setLoadedAt(Date.now());
      return a;
    }, [articleId]),
  );
  return (
    <PageShell className="article">
      <LoadState state={state} loadingText="正在打开文章…">
        {(a) => (
          <>
            <View className="card article__card">
              <Text className="article__title">{a.title}</Text>
              <View className="article__meta">
                <Text className="article__tag">{a.category}</Text>
                {a.source && <Text>{a.source}</Text>}
                <Text>{dateText(a.publishedAt)}</Text>
                <Text className="article__font" onClick={() => setLargeFont(!large)}>
                  {large ? '标准字号' : '大字阅读'}
                </Text>
              </View>
              <Status a={a} loadedAt={loadedAt} />
              <Blocks blocks={a.blocks} />
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
