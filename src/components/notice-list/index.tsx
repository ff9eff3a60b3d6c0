// Rows of a member's notices (首页 and 通知公告): unread dot, 催阅 and 确认收到 marks; a tap opens the notice.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeSummary } from '@/domain/api/notice';
import { CONFIRM_TEXT } from '@/utils/notice';
import { shortDateTimeText } from '@/utils/time';
import './index.scss';

export function openNotice(noticeId: string): void {
  void Taro.navigateTo({ url: `/notice/detail/index?id=${encodeURIComponent(noticeId)}` });
}

export function NoticeRow({ n }: { n: NoticeSummary }) {
  const confirm = n.confirmState === 'pending' || n.confirmState === 'overdue' ? CONFIRM_TEXT[n.confirmState] : '';
  return (
    <View className={`notice-row${n.read ? '' : ' notice-row--unread'}`} onClick={() => openNotice(n.noticeId)}>
      <View className="notice-row__head">
        {/* The dot is decoration: the 未读 tag below says it in words. */}
        {!n.read && <Text className="notice-row__dot" />}
        <Text className="notice-row__title">{n.title}</Text>
      </View>
      <View className="notice-row__meta">
        <Text>{n.senderName}</Text>
        <Text>{shortDateTimeText(n.publishedAt)}</Text>
        {!n.read && <Text className="notice-row__tag notice-row__tag--unread">{n.reminded ? '催阅' : '未读'}</Text>}
        {confirm && <Text className={`notice-row__tag notice-row__tag--${n.confirmState}`}>{confirm}</Text>}
        {n.attachmentCount > 0 && <Text>附件 {n.attachmentCount}</Text>}
      </View>
    </View>
  );
}
