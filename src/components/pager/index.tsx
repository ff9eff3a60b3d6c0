// 上一页 / 下一页 under a paged list; hidden when everything fits on the first page.
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface PagerProps {
  /** The page shown, 0-based. */
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}

export function Pager({ page, hasMore, onPage }: PagerProps) {
  if (page === 0 && !hasMore) return null;
  return (
    <View className="actions">
      <Button size="large" fill="outline" disabled={page <= 0} onClick={() => onPage(page - 1)} style={{ flex: 1 }}>
        上一页
      </Button>
      <Button size="large" fill="outline" disabled={!hasMore} onClick={() => onPage(page + 1)} style={{ flex: 1 }}>
        下一页
      </Button>
    </View>
  );
}
