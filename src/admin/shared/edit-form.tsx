// The add/rename card the admin pages share: a title, the fields, one error line, 保存 and 取消.
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import type { SaveState } from '@/hooks/use-save';

export interface EditFormProps {
  title: string;
  state: SaveState;
  onSave(): void;
  onCancel(): void;
  children: ReactNode;
}

export function EditForm({ title, state, onSave, onCancel, children }: EditFormProps) {
  return (
    <View className="card admin-form">
      <View className="card__title">{title}</View>
      {children}
      <FormActions error={state.error} busy={state.busy} submitText="保存" onSubmit={onSave} onCancel={onCancel} />
    </View>
  );
}
