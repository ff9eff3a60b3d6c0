// 首页: a greeting with the caller's name and roles, what is on today for them (points.today), entries to each part
// and the organisation summary from org.list.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LiveEntry } from '@/components/live-entry';
import { LoadState } from '@/components/load-state';
import { NoticeRow } from '@/components/notice-list';
import { PageShell } from '@/components/page-shell';
import type { TodayItem, TodayKind } from '@/domain/api';
import { bothStates, useRemote, useResource } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import type { OrgDirectory, Session } from '@/services/session';
import { isAnonymous, orgDirectory, session } from '@/services/session';
import { isTabPath } from '@/utils/points';
import { buildOrgTree } from '@/utils/org-tree';
import { adminEntries, describeGrant } from '@/utils/roles';
import './index.scss';

interface HomeProps {
  me: Session;
  directory: OrgDirectory;
}

function Greeting({ me, directory }: HomeProps) {
  const member = me.member;
  const org = member ? directory.orgs.find((o) => o.orgId === member.orgId) : undefined;
  const roles = me.roles.map((g) => describeGrant(g, directory.orgs, directory.departments));
  return (
    <View className="home-hero">
      <Text className="home-hero__hello">{member ? `${member.name}同志，您好` : '您好，欢迎使用'}</Text>
      <Text className="home-hero__sub">
        {org ? org.name : member ? '所在组织已撤销，请联系支部书记' : '党员可在“我的”中绑定身份'}
      </Text>
      {roles.length > 0 && (
        <View className="home-hero__roles">
          {roles.map((r) => (
            <Text key={r} className="home-hero__role">
              {r}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

const TODAY_BADGES: Record<TodayKind, string> = {
  checkin: '签到',
  quiz: '竞赛',
  practice: '练习',
  hotline: '热线',
  rating: '测评',
  work: '待办',
};

function openPath(path: string) {
  if (isTabPath(path)) Taro.switchTab({ url: path.split('?')[0] });
  else Taro.navigateTo({ url: path });
}

/** 今日事项: what is on today for this person, each opening its page; read again whenever 首页 shows. */
function Today() {
  const state = useRemote(useCallback(() => call('points', 'today', {}), []));
  useReloadOnReturn(state.reload);
  return (
    <View className="card home-today">
      <View className="card__title">今日事项</View>
      <LoadState state={state} variant="inline" loadingText="正在查看今天的安排…">
        {({ items }) =>
          items.length === 0 ? (
            <View className="home-today__empty">
              <Text className="home-today__empty-title">今天没有待办事项</Text>
              <Text className="home-today__empty-desc">
                有活动签到、知识竞赛、热线答复或需要您处理的工作时会显示在这里。
              </Text>
            </View>
          ) : (
            items.map((item: TodayItem) => (
              <View
                key={`${item.kind}-${item.path}`}
                className={`home-today__item home-today__item--${item.kind}`}
                onClick={() => openPath(item.path)}
              >
                <Text className={`home-today__badge home-today__badge--${item.kind}`}>{TODAY_BADGES[item.kind]}</Text>
                <View className="home-today__text">
                  <Text className="home-today__title">{item.title}</Text>
                  {item.detail && <Text className="home-today__detail">{item.detail}</Text>}
                </View>
                <View className="home-today__chevron" />
              </View>
            ))
          )
        }
      </LoadState>
    </View>
  );
}

/** 通知公告: the newest three with their unread marks, and the way to all of them; read again whenever 首页 shows. */
function Notices() {
  const state = useRemote(useCallback(() => call('notice', 'inbox', {}), []));
  useReloadOnReturn(state.reload);
  const all = () => Taro.navigateTo({ url: '/notice/inbox/index' });
  return (
    <View className="card home-notices">
      <View className="home-notices__head">
        <Text className="card__title">通知公告</Text>
        <Text className="home-notices__all" onClick={all}>
          全部通知
        </Text>
      </View>
      <LoadState state={state} variant="inline" loadingText="正在查看通知…">
        {({ notices, unread }) =>
          notices.length === 0 ? (
            <Text className="muted">暂无通知。</Text>
          ) : (
            <>
              {unread > 0 && <Text className="home-notices__unread">{unread} 条未读</Text>}
              {notices.slice(0, 3).map((n) => (
                <NoticeRow key={n.noticeId} n={n} />
              ))}
            </>
          )
        }
      </LoadState>
    </View>
  );
}

function OrgSummary({ directory }: { directory: OrgDirectory }) {
  const tree = buildOrgTree(directory.orgs);
  return (
    <View className="card">
      <View className="card__title">组织概况</View>
      <View className="home-stats">
        <View className="home-stats__item">
          <Text className="home-stats__value">{directory.orgs.length}</Text>
          <Text className="home-stats__label">党组织</Text>
        </View>
        <View className="home-stats__item">
          <Text className="home-stats__value">{directory.departments.length}</Text>
          <Text className="home-stats__label">市直部门</Text>
        </View>
      </View>
      {tree.length === 0 ? (
        <Text className="muted">尚未录入组织架构。</Text>
      ) : (
        <View className="home-orgs">
          {tree.map((n) => (
            <View key={n.org.orgId} className="home-orgs__row">
              <Text className="home-orgs__name">{n.org.name}</Text>
              {n.children.length > 0 && <Text className="home-orgs__count">下设 {n.children.length} 个组织</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

interface EntryProps {
  title: string;
  description: string;
  onClick: () => void;
}

function Entry({ title, description, onClick }: EntryProps) {
  return (
    <View className="home-entry" onClick={onClick}>
      <Text className="home-entry__title">{title}</Text>
      <Text className="home-entry__desc">{description}</Text>
    </View>
  );
}

function Entries({ me }: { me: Session }) {
  const admin = adminEntries(me.roles);
  return (
    <>
      <View className="home-entries home-entries--main">
        <Entry title="学习" description="工作要点" onClick={() => Taro.switchTab({ url: '/pages/study/index' })} />
        <Entry title="热线" description="部门名录" onClick={() => Taro.switchTab({ url: '/pages/hotline/index' })} />
        <Entry
          title="我的"
          description={me.member ? '角色设置' : '绑定身份'}
          onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}
        />
      </View>
      <View className="home-entries">
        <Entry
          title="签到活动"
          description={me.member ? '主题党日、三会一课签到记录' : '党员绑定后查看'}
          onClick={() => Taro.navigateTo({ url: '/pages/activities/index' })}
        />
        <Entry
          title="微信测评"
          description="为市直部门的工作作风打分"
          onClick={() => Taro.navigateTo({ url: '/pages/rating/index' })}
        />
      </View>
      {admin.length > 0 && (
        <View className="card">
          <View className="card__title">管理</View>
          <View className="home-entries home-entries--flat">
            {admin.map((e) => (
              <Entry
                key={e.page}
                title={e.title}
                description={e.description}
                onClick={() => Taro.navigateTo({ url: e.url })}
              />
            ))}
          </View>
        </View>
      )}
    </>
  );
}

export default function HomePage() {
  const state = bothStates(useResource(session), useResource(orgDirectory));
  return (
    <PageShell>
      <LoadState state={state}>
        {([me, directory]) => (
          <>
            <Greeting me={me} directory={directory} />
            {me.member && <LiveEntry />}
            {!isAnonymous(me) && <Today />}
            {me.member && <Notices />}
            <Entries me={me} />
            <OrgSummary directory={directory} />
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
