// The shared one-line field: its label above, and no NutUI stock placeholder ("请输入内容") in the box.
import { render, screen } from '@testing-library/react';
import { TextField } from '@/components/text-field';

describe('TextField', () => {
  it('shows no stock placeholder, e.g. on a number field, and keeps one that is given', () => {
    render(
      <>
        <TextField label="题目数量" value="" onChange={() => undefined} type="number" />
        <TextField label="标题" value="" onChange={() => undefined} placeholder="如：七一知识竞赛" />
      </>,
    );
    expect(screen.getByText('题目数量')).toBeTruthy();
    expect(screen.queryByPlaceholderText('请输入内容')).toBeNull();
    expect(screen.getByPlaceholderText('如：七一知识竞赛')).toBeTruthy();
  });
});
