// 群众意见: the written comments of a campaign for admins, newest first, by department, paged.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { CampaignDetail } from '@/domain/api';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { dateTimeText } from '@/utils/time';
import { SelectField } from '../shared/select-field';

const ALL = '';

export function Comments({ campaign }: { campaign: CampaignDetail }) {
  const [departmentId, setDepartmentId] = useState(ALL);
  const [page, setPage] = useState(0);
  const fetcher = useCallback(
    () =>
      call('rating', 'comments', {
        campaignId: campaign.campaignId,
        page,
        ...(departmentId ? { departmentId } : {}),
      }),
    [campaign.campaignId, departmentId, page],
  );
  const state = useRemote(fetcher);
  const options = [
    { value: ALL, label: '全部部门' },
    ...campaign.departments.map((d) => ({ value: d.departmentId, label: d.name })),
  ];
  const names = new Map(campaign.indicators.map((i) => [i.key, i.name]));
  return (
    <View className="card rating-comments">
      <View className="card__title">群众意见</View>
      <SelectField
        label="部门"
        options={options}
        value={departmentId}
        onChange={(v) => {
          setDepartmentId(v);
          setPage(0);
        }}
      />
      <LoadState state={state}>
        {({ comments, hasMore }) => (
          <>
            {comments.length === 0 && <Text className="muted">还没有填写意见的评价。</Text>}
            {comments.map((c, i) => (
              <View key={`${page}-${i}`} className="rating-comments__row">
                <View className="rating-comments__head">
                  <Text className="rating-comments__dept">{c.departmentName}</Text>
                  <Text className="rating-comments__time">{dateTimeText(c.updatedAt)}</Text>
                </View>
                <Text className="rating-comments__text">{c.comment}</Text>
                <Text className="rating-comments__scores">
                  {Object.entries(c.scores)
                    .map(([k, v]) => `${names.get(k) ?? k} ${v} 星`)
                    .join(' · ')}
                  {c.status === 'review' ? ' · 待人工审核' : ''}
                </Text>
              </View>
            ))}
            <Pager page={page} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </View>
  );
}
