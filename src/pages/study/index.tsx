// 学习: the 2020 work plan's key points (src/content), set for comfortable reading with a section index.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LiveEntry } from '@/components/live-entry';
import { PageShell } from '@/components/page-shell';
import type { PlanList, PlanSection } from '@/content/work-plan-2020';
import { WORK_PLAN_2020 } from '@/content/work-plan-2020';
import { setLargeFont, useLargeFont } from '@/services/preferences';
import './index.scss';

function Lists({ lists }: { lists: PlanList[] }) {
  return (
    <>
      {lists.map((l) => (
        <View key={l.label} className="study-list">
          <Text className="study-list__label">{l.label}</Text>
          <View className="study-list__items">
            {l.items.map((item, i) => (
              <View key={item} className="study-list__item">
                <Text className="study-list__no">{i + 1}</Text>
                <Text className="study-list__text">{item}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  );
}

function Section({ section }: { section: PlanSection }) {
  return (
    <View id={`study-${section.id}`} className="card study-section">
      <View className="study-section__head">
        <Text className="study-section__order">{section.order}</Text>
        <Text className="study-section__title">{section.title}</Text>
      </View>
      {section.intro && <Text className="study-section__intro">{section.intro}</Text>}
      {section.points.map((p, i) => (
        <View key={p.title} className="study-point">
          <Text className="study-point__title">
            {i + 1}. {p.title}
          </Text>
          <Text className="study-point__text">{p.text}</Text>
          {p.lists && <Lists lists={p.lists} />}
        </View>
      ))}
    </View>
  );
}

/** 知识竞赛, 每日一练 and 错题本: the learning that counts, above the reading. */
const PRACTICE_ENTRIES = [
  { key: 'quiz', title: '知识竞赛', desc: '竞赛排行', url: '/pages/quiz-list/index' },
  { key: 'practice', title: '每日一练', desc: '每天几道题', url: '/pages/practice/index' },
  { key: 'wrong', title: '错题本', desc: '错题再练', url: '/pages/wrong-book/index' },
];

export default function StudyPage() {
  const plan = WORK_PLAN_2020;
  const large = useLargeFont();
  const jump = (id: string) => Taro.pageScrollTo({ selector: `#study-${id}`, duration: 200 });
  return (
    <PageShell className="study">
      <View className="study-hero">
        <Text className="study-hero__title">{plan.title}</Text>
        <Text className="study-hero__source">{plan.source}</Text>
        <View className="study-hero__font" onClick={() => setLargeFont(!large)}>
          {large ? '标准字号' : '大字阅读'}
        </View>
      </View>

      <LiveEntry />

      <View className="study-entries">
        {PRACTICE_ENTRIES.map((e) => (
          <View
            key={e.key}
            className={`study-entry study-entry--${e.key}`}
            onClick={() => Taro.navigateTo({ url: e.url })}
          >
            <Text className="study-entry__title">{e.title}</Text>
            <Text className="study-entry__desc">{e.desc}</Text>
          </View>
        ))}
      </View>

      <View className="study-nav">
        {plan.sections.map((s) => (
          <View key={s.id} className="study-nav__item" onClick={() => jump(s.id)}>
            <Text className="study-nav__order">{s.order}</Text>
            <Text className="study-nav__label">{s.short}</Text>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="card__title">总体思路</View>
        <Text className="study-point__text">{plan.overview.text}</Text>
        <Lists lists={plan.overview.lists} />
      </View>

      {plan.sections.map((s) => (
        <Section key={s.id} section={s} />
      ))}
    </PageShell>
  );
}
