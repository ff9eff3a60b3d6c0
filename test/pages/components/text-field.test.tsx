// The shared text field: its label above, and no NutUI stock placeholder ("请输入内容") in the box; `multiline` gives a
// text area named by the label.
import { fireEvent, render, screen } from '@testing-library/react';
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

  it('is a text area named by its label with `multiline`, reporting what is typed', () => {
    const onChange = jest.fn();
    render(
      <TextField
        multiline
        label="通知正文"
        className="notice-form__body"
        value=""
        onChange={onChange}
        placeholder="通知的内容"
      />,
    );
    const box = screen.getByLabelText('通知正文');
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.className).toBe('notice-form__body');
    expect(box.getAttribute('placeholder')).toBe('通知的内容');
    fireEvent.change(box, { target: { value: '周五下午开会' } });
    expect(onChange).toHaveBeenCalledWith('周五下午开会');
  });
});
