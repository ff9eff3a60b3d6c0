// The head of an admin page: its title, a line under it, and on the right the page's main action (新增…), which the
// page hides while its form is open.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export function AdminHead({ title, sub, children }: { title: string; sub?: string; children?: ReactNode }) {
  return (
    <View className="admin-head">
      <View>
        <Text className="admin-head__title">{title}</Text>
        {sub !== undefined && <Text className="admin-head__sub">{sub}</Text>}
      </View>
      {children}
    </View>
  );
}
