// The roster binding form: 姓名 + 手机号 -> user.bind, with a clear message for each way it can fail.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import type { CallErrorCode } from '@/services/call-error';

export interface BindFormProps {
  /** Called after a successful bind, to load the session again. */
  onBound: () => Promise<unknown>;
}

/** What each failure means for the person at the form; others show the server's own message. */
const BIND_MESSAGES: Partial<Record<CallErrorCode, string>> = {
  NOT_FOUND: '未在党员名册中找到，请核对姓名和手机号或联系支部书记',
  ALREADY_EXISTS: '该党员已绑定其他微信号。如需更换绑定，请联系支部书记',
  RESOURCE_EXHAUSTED: '尝试次数过多，请稍后再试',
};

export function BindForm({ onBound }: BindFormProps) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const {
    busy,
    error,
    setError,
    submit: send,
  } = useSave({
    errorText: (e) => BIND_MESSAGES[e.code] ?? e.message,
  });

  const submit = () => {
    const n = name.trim();
    const p = phone.replace(/\s/g, '');
    if (!n) return setError('请填写姓名');
    if (!/^1\d{10}$/.test(p)) return setError('请填写 11 位手机号');
    void send(
      () => call('user', 'bind', { name: n, phone: p }),
      async () => {
        await onBound().catch(() => undefined);
        Taro.showToast({ title: '绑定成功', icon: 'success' });
      },
    );
  };

  return (
    <View className="card bind-form">
      <View className="card__title">绑定党员身份</View>
      <Text className="bind-form__hint">请填写党员名册中登记的姓名和手机号。每位党员只能绑定一个微信号。</Text>
      <TextField label="姓名" name="name" value={name} onChange={setName} placeholder="请输入姓名" maxLength={32} />
      <TextField
        label="手机号"
        name="phone"
        type="number"
        value={phone}
        onChange={setPhone}
        placeholder="请输入 11 位手机号"
        maxLength={11}
      />
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在绑定…' : '绑定'}
        submitClassName="bind-form__submit"
        onSubmit={submit}
      />
    </View>
  );
}
