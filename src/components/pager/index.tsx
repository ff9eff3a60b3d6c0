// 上一页 / 下一页 under a paged list (with 第 x / y 页 when the total is known); hidden when it all fits on one page.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface PagerProps {
  /** The page shown (0- or 1-based, as the list's action counts). */
  page: number;
  /** The first page's number: 0 or 1. */
  first?: number;
  /** Whether a next page exists, for lists that do not know their total ... */
  hasMore?: boolean;
  /** ... or the number of pages, for those that do. */
  pages?: number;
  onPage: (page: number) => void;
}

export function Pager({ page, first = 0, hasMore, pages, onPage }: PagerProps) {
  const index = page - first;
  const more = pages !== undefined ? index + 1 < pages : Boolean(hasMore);
  if (index <= 0 && !more) return null;
  return (
    <View className="actions pager">
      <Button size="large" fill="outline" disabled={index <= 0} onClick={() => onPage(page - 1)} style={{ flex: 1 }}>
        上一页
      </Button>
      {pages !== undefined && (
        <Text className="pager__info">
          第 {index + 1} / {pages} 页
        </Text>
      )}
      <Button size="large" fill="outline" disabled={!more} onClick={() => onPage(page + 1)} style={{ flex: 1 }}>
        下一页
      </Button>
    </View>
  );
}
