// The ranked list of a competition (published, or the 工委's live view): rank, unit, scores and how ties were placed.
import { Text, View } from '@tarojs/components';
import type { ContestResults } from '@/domain/api/contest';

const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function ContestResultList({ results }: { results: ContestResults }) {
  const withVote = results.rows.some((r) => r.public !== null);
  return (
    <View className="contest-results">
      {results.rows.map((r) => (
        <View key={r.entryId} className="contest-result">
          <Text className={`contest-result__rank${r.rank !== null && r.rank <= 3 ? ' contest-result__rank--top' : ''}`}>
            {r.rank === null ? '未排名' : `第 ${r.rank} 名`}
          </Text>
          <View className="contest-result__main">
            <Text className="contest-result__title">{r.title}</Text>
            <Text className="contest-result__org">{r.orgName}</Text>
            <Text className="contest-result__scores">
              综合 {num(r.score)} · 评委 {num(r.panel)}（{r.judges} 人）
              {withVote ? ` · 得票 ${r.votes}（折算 ${num(r.public)}）` : ''}
            </Text>
            {r.tieNote && <Text className="contest-result__tie">{r.tieNote}</Text>}
          </View>
        </View>
      ))}
      <View className="contest-formula">
        {results.formula.map((line) => (
          <Text key={line} className="contest-formula__line">
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}
