// 导入名册: rows pasted from Excel (org.importMembers, in batches) or an .xlsx file (org.importMembersFile), with per-row results.
import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { UploadedFile } from '@/components/excel-upload';
import { ExcelUpload } from '@/components/excel-upload';
import { call } from '@/services/call';
import type { CallError } from '@/services/call-error';
import { toCallError } from '@/services/call-error';
import { useSave } from '@/hooks/use-save';
import { orgOptions } from '@/utils/org-tree';
import type { LineIssue, RosterLine } from '@/utils/roster-paste';
import { batches, parseRosterPaste } from '@/utils/roster-paste';
import { isAdmin, rosterOrgIds } from '@/utils/roles';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { ImportResult, RowErrors } from '../shared/row-errors';
import { Segmented } from '../shared/segmented';
import { SelectField } from '../shared/select-field';

/** Rows per importMembers call: the contract's IMPORT_MAX_ROWS (a value the app may not import, it lives beside zod). */
const BATCH_ROWS = 2000;

type Mode = 'paste' | 'file';

interface Outcome {
  created: number;
  updated: number;
  issues: LineIssue[];
  /** What the row numbers refer to. */
  lineTitle: string;
  /** Set when a batch failed part-way: the rows before it were imported. */
  failure?: string;
}

function PasteImport({
  me,
  directory,
  initialOrgId,
  onOutcome,
}: AdminContext & { initialOrgId: string; onOutcome: (o: Outcome) => void }) {
  const admin = isAdmin(me.roles);
  const allowed = useMemo(() => rosterOrgIds(me.roles, directory.orgs), [me.roles, directory.orgs]);
  const options = [
    ...(admin ? [{ value: '', label: '不设置（每行第三列填写组织）' }] : []),
    ...orgOptions(directory.orgs, (id) => allowed.includes(id)),
  ];
  const [defaultOrgId, setDefaultOrgId] = useState(
    options.some((o) => o.value === initialOrgId) ? initialOrgId : (options[0]?.value ?? ''),
  );
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const prepared = useMemo(
    () =>
      parseRosterPaste(text, {
        orgs: directory.orgs,
        allowedOrgIds: admin ? null : allowed,
        defaultOrgId: defaultOrgId || undefined,
      }),
    [text, defaultOrgId, directory.orgs, admin, allowed],
  );

  const submit = async () => {
    setBusy(true);
    const outcome: Outcome = { created: 0, updated: 0, issues: [...prepared.issues], lineTitle: '行号' };
    let done = 0;
    try {
      for (const batch of batches<RosterLine>(prepared.rows, BATCH_ROWS)) {
        const res = await call('org', 'importMembers', {
          rows: batch.map(({ name, phone, orgId }) => ({ name, phone, orgId })),
        });
        outcome.created += res.created;
        outcome.updated += res.updated;
        // The server numbers rows within the batch (1-based); people need the line they pasted.
        for (const e of res.errors) outcome.issues.push({ line: batch[e.row - 1]?.line ?? e.row, message: e.message });
        done += batch.length;
      }
    } catch (err) {
      const e: CallError = toCallError(err);
      outcome.failure = done > 0 ? `前 ${done} 行已提交，其余未导入：${e.message}` : e.message;
    } finally {
      setBusy(false);
    }
    // The rows went in (or are listed in the result): start the next paste from an empty box.
    if (!outcome.failure) setText('');
    onOutcome(outcome);
  };

  return (
    <>
      <View className="help">
        在 Excel
        中选中“姓名、手机号、所属组织”三列（可含表头）复制，粘贴到下方。所属组织填写全称或编号；不填时使用“默认组织”。
      </View>
      <SelectField label="默认组织" options={options} value={defaultOrgId} onChange={setDefaultOrgId} />
      <View className="field">
        <Text className="field__label">名册内容</Text>
        <TextArea
          className="import-textarea"
          value={text}
          onChange={setText}
          rows={8}
          maxLength={200000}
          placeholder={'每行一人：姓名、手机号、所属组织\n例：张三 13800138000 第一党支部'}
        />
      </View>
      {text.trim() && (
        <View className="import-preview">
          <Text className="import-preview__text">
            识别到 {prepared.rows.length} 行可导入{prepared.hasHeader ? '（已跳过表头）' : ''}
            {prepared.issues.length > 0 ? `，${prepared.issues.length} 行有问题将不导入：` : '。'}
          </Text>
          {prepared.issues.length > 0 && <RowErrors issues={prepared.issues} />}
        </View>
      )}
      <Button
        className="import-submit"
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy || prepared.rows.length === 0}
        onClick={submit}
      >
        {busy ? '正在导入…' : `导入 ${prepared.rows.length} 行`}
      </Button>
    </>
  );
}

function FileImport({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const { busy, error, setError, submit } = useSave();
  const [fileName, setFileName] = useState<string | null>(null);

  const onUploaded = (file: UploadedFile) => {
    setFileName(file.name);
    void submit(
      () => call('org', 'importMembersFile', { fileID: file.fileID }),
      (res) =>
        onOutcome({
          created: res.created,
          updated: res.updated,
          issues: res.errors.map((e) => ({ line: e.row, message: e.message })),
          lineTitle: 'Excel 行号',
        }),
    );
  };

  return (
    <>
      <View className="help">
        使用 .xlsx 文件：表头含“姓名、手机号、所属组织”三列（可在前 10 行内），所属组织填写全称或编号，一次最多 2000
        行。
      </View>
      <ExcelUpload disabled={busy} onUploaded={onUploaded} onError={(e) => setError(e.message)} />
      {fileName && <Text className="import-file">{busy ? `正在导入：${fileName}` : `已选择：${fileName}`}</Text>}
      {error && <View className="form-error">{error}</View>}
    </>
  );
}

function Importer(ctx: AdminContext) {
  const params = useRouter().params;
  const [mode, setMode] = useState<Mode>('paste');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // On a phone the result lands below the fold: bring it (and its row errors) into view.
  useEffect(() => {
    if (outcome) void Taro.pageScrollTo({ selector: '.import-result', duration: 300 }).catch(() => undefined);
  }, [outcome]);
  return (
    <>
      <View className="card">
        <Segmented<Mode>
          options={[
            { value: 'paste', label: '粘贴表格' },
            { value: 'file', label: '上传 Excel' },
          ]}
          value={mode}
          onChange={(m) => {
            setMode(m);
            setOutcome(null);
          }}
        />
        {mode === 'paste' ? (
          <PasteImport {...ctx} initialOrgId={decodeURIComponent(params.orgId ?? '')} onOutcome={setOutcome} />
        ) : (
          <FileImport onOutcome={setOutcome} />
        )}
      </View>
      {outcome && <ImportResult {...outcome} />}
    </>
  );
}

export default function ImportPage() {
  return <AdminGate page="members">{(ctx) => <Importer {...ctx} />}</AdminGate>;
}
