// 领学带学督学 on 我的: shown only to a member the 工委 has marked as 领导干部 (the session says so: no call of its
// own); it opens his records, this year's count and the form that records a visit.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

export function LeaderEntry() {
  return (
    <View className="card mine-menu">
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/admin/leader-visits/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">领学带学督学</Text>
          <Text className="mine-menu__desc">到联系点领学、带学、督学：查看和登记我的领学记录</Text>
        </View>
        <View className="mine-menu__chevron" />
      </View>
    </View>
  );
}
