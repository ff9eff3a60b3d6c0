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
import { QUIZ_SHEET_COLUMNS, QUIZ_SHEET_NOTES } from '@/domain/quiz';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import { AdminGate } from '../shared/admin-gate';
import { ImportResult } from '../shared/row-errors';
import '../quiz/index.scss';

interface Outcome {
  imported: number;
  updated: number;
  errors: ImportError[];
  skippedSamples: number;
}

function Importer() {
  const importing = useSave();
  const fetching = useSave();
  const busy = importing.busy;
  const error = fetching.error ?? importing.error;
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // On a phone the result lands below the fold: bring it (and its row errors) into view.
  useEffect(() => {
    if (outcome) void Taro.pageScrollTo({ selector: '.import-result', duration: 300 }).catch(() => undefined);
  }, [outcome]);

  const template = () =>
    fetching.submit(
      () => call('quiz', 'questionTemplate', {}),
      ({ url, fileName: name }) => openExport(url, name),
    );

  const onUploaded = (file: UploadedFile) => {
    setFileName(file.name);
    setOutcome(null);
    fetching.setError(null);
    void importing.submit(() => call('quiz', 'importQuestionsFile', { fileID: file.fileID }), setOutcome);
  };

  return (
    <>
      <View className="card">
        <View className="card__title">第一步：下载模板</View>
        <View className="help">
          <Text className="quiz-import__columns">模板列：{QUIZ_SHEET_COLUMNS.join('、')}</Text>
          {QUIZ_SHEET_NOTES.map((n) => (
            <Text key={n} className="quiz-import__note">
              {n}
            </Text>
          ))}
        </View>
        <Button
          className="quiz-import__template"
          size="large"
          block
          loading={fetching.busy}
          disabled={fetching.busy}
          onClick={template}
        >
          下载模板
        </Button>
      </View>
      <View className="card">
        <View className="card__title">第二步：上传填好的 Excel</View>
        <ExcelUpload disabled={busy} onUploaded={onUploaded} onError={(e) => importing.setError(e.message)} />
        {fileName && <Text className="import-file">{busy ? `正在导入：${fileName}` : `已导入：${fileName}`}</Text>}
        {error && <View className="form-error">{error}</View>}
      </View>
      {outcome && (
        <ImportResult
          created={outcome.imported}
          updated={outcome.updated}
          updatedLabel="更新（题干相同）"
          issues={outcome.errors.map((e) => ({ line: e.index, message: e.message }))}
          lineTitle="Excel 行号"
          note={
            outcome.skippedSamples
              ? `已跳过 ${outcome.skippedSamples} 道示例题（题干以“【示例】”开头的模板示例不会导入）`
              : undefined
          }
        />
      )}
    </>
  );
}

export default function QuizImportPage() {
  return <AdminGate page="quiz">{() => <Importer />}</AdminGate>;
}
