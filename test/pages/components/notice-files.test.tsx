// NoticeFiles: picked files are checked (type, size) before anything is uploaded, uploaded into their kind's folder
// and listed with 删除; the add button counts up to the limit and goes at it. (H5 picking: the FilePicker file input.)
import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { NoticeAttachmentInput, NoticeFilesProps } from '@/components/notice-files';
import { NoticeFiles } from '@/components/notice-files';
import type { CallError } from '@/services/call-error';
import { uploadBlob } from '@/services/storage.h5';

jest.mock('@/services/storage.h5', () => ({
  uploadBlob: jest.fn(async (path: string) => `cloud://env/${path}`),
}));

const upload = uploadBlob as jest.Mock;

function Host({ kind, start = [] }: { kind?: NoticeFilesProps['kind']; start?: NoticeAttachmentInput[] }) {
  const [files, setFiles] = useState(start);
  const [error, setError] = useState('');
  return (
    <>
      <NoticeFiles kind={kind} value={files} onChange={setFiles} onError={(e: CallError) => setError(e.message)} />
      <div data-testid="error">{error}</div>
      <div data-testid="ids">{files.map((f) => f.fileID).join(' ')}</div>
    </>
  );
}

const pick = (...files: File[]) =>
  fireEvent.change(document.querySelector('.notice-files__input') as HTMLInputElement, { target: { files } });

const file = (name: string, size = 1000) => {
  const f = new File(['x'], name);
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

beforeEach(() => upload.mockClear());

describe('NoticeFiles', () => {
  it('uploads the picked attachments into the notice folder and lists them, each with 删除', async () => {
    render(<Host />);
    expect(screen.getByText('+ 添加附件 0/6')).toBeTruthy();
    pick(file('会议议程.pdf'), file('名单.XLSX'));
    await screen.findByText('会议议程.pdf');
    expect(screen.getByText('名单.XLSX')).toBeTruthy();
    expect(upload.mock.calls.map(([path]) => path)).toEqual([
      expect.stringMatching(/^notice\/\d{8}\/[a-z0-9]+-[a-z0-9]+\.pdf$/),
      expect.stringMatching(/^notice\/\d{8}\/[a-z0-9]+-[a-z0-9]+\.xlsx$/),
    ]);
    expect(screen.getByText('+ 添加附件 2/6')).toBeTruthy();

    fireEvent.click(screen.getAllByText('删除')[0]);
    expect(screen.queryByText('会议议程.pdf')).toBeNull();
    expect(screen.getByTestId('ids').textContent).toMatch(/^cloud:\/\/env\/notice\/\S+\.xlsx$/);
  });

  it('refuses a file of another type or over 20 MB without uploading any of those picked', async () => {
    render(<Host />);
    pick(file('议程.pdf'), file('setup.exe'));
    await waitFor(() =>
      expect(screen.getByTestId('error').textContent).toBe('附件只能是 PDF、Word、Excel、PPT 或 JPG/PNG 图片'),
    );
    pick(file('议程.pdf'), file('录像.pdf', 21 * 1024 * 1024));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toBe('每个附件不能超过 20 MB'));
    expect(upload).not.toHaveBeenCalled();
    expect(screen.getByTestId('ids').textContent).toBe('');
  });

  it('takes only pictures for an article, into the study folder', async () => {
    render(<Host kind="study" />);
    pick(file('议程.pdf'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toBe('图片只能是 JPG、PNG 或 WebP 格式'));
    pick(file('活动室.webp'));
    await waitFor(() => expect(screen.getByTestId('ids').textContent).toMatch(/^cloud:\/\/env\/study\/\S+\.webp$/));
    expect(screen.getByText('+ 添加图片 1/6')).toBeTruthy();
  });

  it('has no add button once six files are there', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ fileID: `cloud://env/notice/f${i}.pdf`, name: `f${i}.pdf` }));
    render(<Host start={six} />);
    expect(screen.getAllByText('删除')).toHaveLength(6);
    expect(document.querySelector('.notice-files__add')).toBeNull();
  });
});
