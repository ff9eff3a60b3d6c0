// 导入题库: the template (quiz.questionTemplate) to download, an .xlsx upload read by the server
// (quiz.importQuestionsFile), and the result: new, updated (same stem) and every row not imported with its reason.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { UploadedFile } from '@/components/excel-upload';
import { ExcelUpload } from '@/components/excel-upload';
import type { ImportError } from '@/domain/api/quiz';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { openExport } from '@/services/checkin-device';
import { AdminGate } from '../shared/admin-gate';
import { RowErrors } from '../shared/row-errors';
import '../quiz/index.scss';

/**
 * The template's columns and notes (QUIZ_SHEET_COLUMNS / QUIZ_SHEET_NOTES of src/domain/quiz/sheet, which a test
 * keeps equal): copied because that module reaches zod, which the page must not bundle.
 */
export const TEMPLATE_COLUMNS = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '答案',
  '解析',
  '标签',
];
export const TEMPLATE_NOTES = [
  '题型填 单选 / 多选 / 判断；判断题不填选项（固定为 正确 / 错误）。',
  '答案填选项字母，如 B 或 ACD；判断题填 对 或 错。多选题至少两个正确答案。',
  '标签可填多个，用 、 或 , 分隔，如 党规党纪、七一。题干相同的题目再次导入时会更新原题。',
];

interface Outcome {
  imported: number;
  updated: number;
  errors: ImportError[];
}

function Result({ outcome }: { outcome: Outcome }) {
  return (
    <View className="card import-result">
      <View className="card__title">导入结果</View>
      <View className="stats">
        <View className="stats__item">
          <Text className="stats__value stats__value--ok">{outcome.imported}</Text>
          <Text className="stats__label">新增</Text>
        </View>
        <View className="stats__item">
          <Text className="stats__value">{outcome.updated}</Text>
          <Text className="stats__label">更新（题干相同）</Text>
        </View>
        <View className="stats__item">
          <Text className={`stats__value${outcome.errors.length ? ' stats__value--bad' : ''}`}>
            {outcome.errors.length}
          </Text>
          <Text className="stats__label">未导入</Text>
        </View>
      </View>
      {outcome.errors.length > 0 ? (
        <RowErrors issues={outcome.errors.map((e) => ({ line: e.index, message: e.message }))} lineTitle="Excel 行号" />
      ) : (
        <Text className="muted">全部行已导入。</Text>
      )}
    </View>
  );
}

function Importer() {
  const [busy, setBusy] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // On a phone the result lands below the fold: bring it (and its row errors) into view.
  useEffect(() => {
    if (outcome) void Taro.pageScrollTo({ selector: '.import-result', duration: 300 }).catch(() => undefined);
  }, [outcome]);

  const template = async () => {
    setFetching(true);
    setError(null);
    try {
      const { url, fileName: name } = await call('quiz', 'questionTemplate', {});
      await openExport(url, name);
    } catch (err) {
      setError(toCallError(err).message);
    } finally {
      setFetching(false);
    }
  };

  const onUploaded = async (file: UploadedFile) => {
    setFileName(file.name);
    setError(null);
    setOutcome(null);
    setBusy(true);
    try {
      setOutcome(await call('quiz', 'importQuestionsFile', { fileID: file.fileID }));
    } catch (err) {
      setError(toCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="card">
        <View className="card__title">第一步：下载模板</View>
        <View className="help">
          <Text className="quiz-import__columns">模板列：{TEMPLATE_COLUMNS.join('、')}</Text>
          {TEMPLATE_NOTES.map((n) => (
            <Text key={n} className="quiz-import__note">
              {n}
            </Text>
          ))}
        </View>
        <Button
          className="quiz-import__template"
          size="large"
          block
          loading={fetching}
          disabled={fetching}
          onClick={template}
        >
          下载模板
        </Button>
      </View>
      <View className="card">
        <View className="card__title">第二步：上传填好的 Excel</View>
        <ExcelUpload disabled={busy} onUploaded={onUploaded} onError={(e) => setError(e.message)} />
        {fileName && <Text className="import-file">{busy ? `正在导入：${fileName}` : `已导入：${fileName}`}</Text>}
        {error && <View className="form-error">{error}</View>}
      </View>
      {outcome && <Result outcome={outcome} />}
    </>
  );
}

export default function QuizImportPage() {
  return <AdminGate page="quiz">{() => <Importer />}</AdminGate>;
}
