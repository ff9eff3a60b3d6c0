// The clear "无权限" state of a page the caller's roles do not open (the server refuses the actions anyway).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import './index.scss';

export interface NoPermissionProps {
  /** Who may use the page, e.g. 管理员. */
  who: string;
}

export function NoPermission({ who }: NoPermissionProps) {
  return (
    <View className="no-permission">
      <View className="no-permission__icon">
        <View className="no-permission__shackle" />
        <View className="no-permission__body" />
      </View>
      <Text className="no-permission__title">无权限</Text>
      <Text className="no-permission__text">此页面仅对{who}开放。如需开通，请联系机关工委管理员。</Text>
      <Button
        className="no-permission__back"
        type="primary"
        size="large"
        onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}
      >
        返回“我的”
      </Button>
    </View>
  );
}
