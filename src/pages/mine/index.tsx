// 我的: the caller's member card or the binding form, roles, admin entries, reading settings (and, on H5, the identity switcher).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { IdentitySwitcher } from '@/components/identity-switcher';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { bothStates, useResource } from '@/hooks/use-remote';
import { setLargeFont, useLargeFont } from '@/services/preferences';
import type { OrgDirectory, Session } from '@/services/session';
import { isAnonymous, orgDirectory, session } from '@/services/session';
import { adminEntries, describeGrant } from '@/utils/roles';
import { BindForm } from './bind-form';
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
      {member && <Text className="mine-card__badge">党员</Text>}
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

/** The member's own activities and check-ins (签到). */
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
    </View>
  );
}

function Settings({ me }: { me: Session }) {
  const large = useLargeFont();
  const copy = () => Taro.setClipboardData({ data: me.openid });
  return (
    <View className="card">
      <View className="card__title">设置</View>
      <View className="mine-setting">
        <View className="mine-setting__text">
          <Text className="mine-setting__title">大字模式</Text>
          <Text className="mine-setting__desc">放大所有页面的文字</Text>
        </View>
        <Switch checked={large} onChange={setLargeFont} />
      </View>
      {!isAnonymous(me) && (
        <View className="mine-setting" onClick={copy}>
          <View className="mine-setting__text">
            <Text className="mine-setting__title">我的用户标识</Text>
            <Text className="mine-setting__desc mine-setting__openid">{me.openid}</Text>
          </View>
          <Text className="mine-setting__action">复制</Text>
        </View>
      )}
      {!isAnonymous(me) && <Text className="card__hint">管理员授予角色时需要这个标识。</Text>}
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
            {me.member && <CheckInEntry />}
            <Roles me={me} directory={directory} />
            <AdminMenu me={me} />
            <Settings me={me} />
          </>
        )}
      </LoadState>
      <IdentitySwitcher />
    </PageShell>
  );
}
