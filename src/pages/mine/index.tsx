// 我的: the caller's member card or the binding form, points and stars, 大字模式, roles, admin entries, settings (and,
// on H5, the identity switcher).
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { IdentitySwitcher } from '@/components/identity-switcher';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { bothStates, useRemote, useResource } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { setLargeFont, useLargeFont } from '@/services/preferences';
import type { OrgDirectory, Session } from '@/services/session';
import { isAnonymous, orgDirectory, session } from '@/services/session';
import { starGlyphs } from '@/utils/points';
import { dayTimeText } from '@/utils/time';
import { adminEntries, describeGrant, memberTitle } from '@/utils/roles';
import { BindForm } from './bind-form';
import { LeaderEntry } from './leader-entry';
import './index.scss';

interface ProfileProps {
  me: Session;
  directory: OrgDirectory;
}

function MemberCard({ me, directory }: ProfileProps) {
  const member = me.member;
  const orgName = member ? (directory.orgs.find((o) => o.orgId === member.orgId)?.name ?? '所在组织已撤销') : null;
  const anonymous = isAnonymous(me);
  return (
    <View className="mine-card">
      <View className="mine-card__avatar">{member ? member.name.slice(0, 1) : '群'}</View>
      <View className="mine-card__main">
        <Text className="mine-card__name">
          {member ? member.name : anonymous ? '未识别微信身份' : '未绑定党员身份'}
        </Text>
        <Text className="mine-card__org">
          {orgName ?? (anonymous ? '请在微信中打开本小程序' : '党员请在下方绑定；群众无需绑定')}
        </Text>
      </View>
      {member && <Text className="mine-card__badge">{memberTitle(me.roles)}</Text>}
    </View>
  );
}

function Roles({ me, directory }: ProfileProps) {
  const labels = me.roles.map((g) => describeGrant(g, directory.orgs, directory.departments));
  return (
    <View className="card">
      <View className="card__title">我的角色</View>
      {labels.length === 0 ? (
        <Text className="mine-roles__none">{me.member ? '党员（无管理角色）' : '群众（无管理角色）'}</Text>
      ) : (
        <View className="mine-roles">
          {labels.map((l) => (
            <Text key={l} className="mine-roles__tag">
              {l}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

function AdminMenu({ me }: { me: Session }) {
  const entries = adminEntries(me.roles);
  if (entries.length === 0) return null;
  return (
    <View className="card mine-menu">
      <View className="card__title">管理</View>
      {entries.map((e) => (
        <View key={e.page} className="mine-menu__item" onClick={() => Taro.navigateTo({ url: e.url })}>
          <View className="mine-menu__text">
            <Text className="mine-menu__title">{e.title}</Text>
            <Text className="mine-menu__desc">{e.description}</Text>
          </View>
          <View className="mine-menu__chevron" />
        </View>
      ))}
    </View>
  );
}

/** Points and stars of this year at a glance; the whole ledger is one tap away on 我的积分. */
function PointsSummary() {
  const state = useRemote(useCallback(() => call('points', 'mine', {}), []));
  useReloadOnReturn(state.reload);
  return (
    <View className="card mine-points" onClick={() => Taro.navigateTo({ url: '/pages/points/index' })}>
      <View className="mine-points__head">
        <Text className="card__title mine-points__title">我的积分</Text>
        <Text className="mine-points__link">明细</Text>
        <View className="mine-menu__chevron" />
      </View>
      <LoadState state={state} variant="inline" loadingText="正在读取积分…">
        {(mine) => (
          <View className="mine-points__body">
            <View className="mine-points__item">
              <Text className="mine-points__value">{mine.yearTotal}</Text>
              <Text className="mine-points__label">{mine.year} 年积分</Text>
            </View>
            <View className="mine-points__item">
              <Text className="mine-points__stars">{starGlyphs(mine.stars)}</Text>
              <Text className="mine-points__label">{mine.stars} 星党员</Text>
            </View>
          </View>
        )}
      </LoadState>
    </View>
  );
}

/** The member's own activities and check-ins (签到), and 志愿服务 (sign-up and hours). */
function CheckInEntry() {
  return (
    <View className="card mine-menu">
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/pages/activities/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">我的签到</Text>
          <Text className="mine-menu__desc">主题党日、“三会一课”与签到记录</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/pages/volunteer/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">志愿服务</Text>
          <Text className="mine-menu__desc">进社区、进农村、共建活动报名与我的服务时长</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/pages/trainings/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">我的培训</Text>
          <Text className="mine-menu__desc">今年报名的培训班与签到情况</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
    </View>
  );
}

/** 创新创优竞赛 and 效能典型案例评比: entries, the public vote and published results, for everyone. */
function ContestEntry() {
  return (
    <View className="card mine-menu">
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/contest/list/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">创新创优</Text>
          <Text className="mine-menu__desc">创新创优竞赛、效能典型案例评比：参赛项目、投票与结果</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
    </View>
  );
}

/** 民主评议: shown only while a ballot of the member's branch is open (nothing when none is, or the list fails). */
function ReviewEntry() {
  const state = useRemote(useCallback(() => call('orglife', 'reviews', {}), []));
  useReloadOnReturn(state.reload);
  const open = state.data?.reviews.filter((r) => r.phase === 'open') ?? [];
  if (open.length === 0) return null;
  return (
    <View className="card mine-menu">
      {open.map((r) => (
        <View
          key={r.reviewId}
          className="mine-menu__item mine-review"
          onClick={() => Taro.navigateTo({ url: `/orglife/vote/index?reviewId=${encodeURIComponent(r.reviewId)}` })}
        >
          <View className="mine-menu__text">
            <Text className="mine-menu__title">
              民主评议{r.voted ? '' : <Text className="mine-review__badge">待投票</Text>}
            </Text>
            <Text className="mine-menu__desc">
              {r.year} 年度民主评议党员，{r.voted ? '您已投票，' : ''}
              {dayTimeText(r.endAt)} 前{r.voted ? '可重新投票' : '请投票'}
            </Text>
          </View>
          <View className="mine-menu__chevron" />
        </View>
      ))}
    </View>
  );
}

/**
 * 大字模式, near the top of 我的 where older members look first: two large choices showing the size they give, not
 * a small switch at the bottom of the page.
 */
function FontSize() {
  const large = useLargeFont();
  const options = [
    { on: false, label: '标准字号', cls: 'mine-font__option--normal' },
    { on: true, label: '大字号', cls: 'mine-font__option--large' },
  ];
  return (
    <View className="card mine-font">
      <View className="mine-font__head">
        <Text className="card__title mine-font__title">大字模式</Text>
        <Text className="mine-font__state">{large ? '已开启' : '未开启'}</Text>
      </View>
      <Text className="mine-font__desc">放大所有页面的文字，看得更清楚。选择后立即生效，下次打开仍然保留。</Text>
      <View className="mine-font__options">
        {options.map((o) => (
          <View
            key={o.label}
            className={`mine-font__option ${o.cls}${o.on === large ? ' mine-font__option--on' : ''}`}
            ariaRole="button"
            ariaLabel={`${o.label}${o.on === large ? '（已选）' : ''}`}
            onClick={() => setLargeFont(o.on)}
          >
            <Text className="mine-font__sample">字</Text>
            <Text className="mine-font__label">{o.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Where a future handler, secretary or admin enters the invitation code the admin sent (no openid to copy). */
function InviteEntry({ me }: { me: Session }) {
  if (isAnonymous(me)) return null;
  return (
    <View className="card mine-menu">
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/pages/invite/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">接受邀请</Text>
          <Text className="mine-menu__desc">收到管理员的邀请码？输入后成为经办人、支部书记或管理员</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
    </View>
  );
}

export default function MinePage() {
  const state = bothStates(useResource(session), useResource(orgDirectory));
  return (
    <PageShell>
      <LoadState state={state}>
        {([me, directory]) => (
          <>
            <MemberCard me={me} directory={directory} />
            {!me.member && !isAnonymous(me) && <BindForm onBound={() => session.load(true)} />}
            {me.member && <PointsSummary />}
            <FontSize />
            {me.member && <ReviewEntry />}
            {me.member && me.leader && <LeaderEntry memberId={me.member.memberId} />}
            {me.member && <CheckInEntry />}
            <ContestEntry />
            <Roles me={me} directory={directory} />
            <AdminMenu me={me} />
            <InviteEntry me={me} />
          </>
        )}
      </LoadState>
      <IdentitySwitcher />
    </PageShell>
  );
}
