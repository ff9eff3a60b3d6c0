// 上一页 / 下一页 under a paged list; hidden when everything fits on the first page.
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface PagerProps {
  /** The page shown (0- or 1-based, as the list's action counts). */
  page: number;
  /** The first page's number: 0 or 1. */
  first?: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}

export function Pager({ page, first = 0, hasMore, onPage }: PagerProps) {
  if (page <= first && !hasMore) return null;
  return (
    <View className="actions">
      <Button size="large" fill="outline" disabled={page <= first} onClick={() => onPage(page - 1)} style={{ flex: 1 }}>
        上一页
      </Button>
      <Button size="large" fill="outline" disabled={!hasMore} onClick={() => onPage(page + 1)} style={{ flex: 1 }}>
        下一页
      </Button>
    </View>
  );
}
