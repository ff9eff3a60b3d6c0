// user.bind: binds the caller to the roster member with that name and phone, race-safe and rate-limited.
import type { z } from 'zod';
import type { userSchemas, UserApi } from '@/domain/api/user';
import { BIND_MAX_FAILURES_PER_DAY, bindAllowed, bindFailureCounterId, decideBind } from '@/domain/identity/bind';
import { namesMatch } from '@/domain/identity/name';
import { AppError } from '../../server/app-error';
import { USERS } from '../../server/caller';
import type { Database } from '../../server/db';
import { isDuplicateKeyError, runTransactionWithRetry, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { shanghaiDay } from '../../server/time';

const COUNTERS = 'counters';

type BindOutcome = 'bound' | 'already-mine' | 'taken' | 'caller-bound-elsewhere' | 'gone';

export async function bind(
  input: z.output<typeof userSchemas.bind>,
  ctx: ActionContext,
): Promise<UserApi['bind']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const counterId = bindFailureCounterId(openid, shanghaiDay());
  const [counter, found] = await Promise.all([
    db.collection(COUNTERS).doc(counterId).get(),
    db.collection(MEMBERS).where({ phone: input.phone }).limit(1).get(),
  ]);
  const failures = Number(counter.data?.count) || 0;
  // Checked before the answer is used, so that once limited the reply says nothing about the roster.
  if (!bindAllowed(failures)) {
    throw new AppError('RESOURCE_EXHAUSTED', '今天的绑定尝试次数已用完，请明天再试，或联系支部书记核对名册信息');
  }
  const candidate = found.data[0];
  // A wrong name and an unknown phone get the same answer, so the call cannot confirm a phone number.
  if (!candidate || !namesMatch(candidate.name, input.name)) {
    await recordFailure(db, counterId, openid, counter.data !== null);
    const left = BIND_MAX_FAILURES_PER_DAY - failures - 1;
    throw new AppError(
      'NOT_FOUND',
      `名册中没有姓名与手机号都匹配的党员，请核对后重试${left > 0 ? `（今天还可尝试 ${left} 次）` : '（今天的尝试次数已用完）'}`,
    );
  }

  const memberId = candidate._id;
  const outcome = await runTransactionWithRetry<BindOutcome>(db, async (tx) => {
    const memberRef = tx.collection(MEMBERS).doc(memberId);
    const userRef = tx.collection(USERS).doc(openid);
    const { data: member } = await memberRef.get();
    const { data: user } = await userRef.get();
    if (!member) return 'gone';
    const memberOpenid = str(member, 'openid');
    const decision = decideBind({
      memberId,
      memberOpenid,
      callerOpenid: openid,
      callerMemberId: str(user, 'memberId'),
    });
    if (decision !== 'bind') return decision;
    const now = db.serverDate();
    if (memberOpenid !== openid) await memberRef.update({ data: { openid, boundAt: now, updatedAt: now } });
    if (user) await userRef.update({ data: { memberId, updatedAt: now } });
    else await userRef.set({ data: { roles: [], hasGrants: false, memberId, createdAt: now, updatedAt: now } });
    return 'bound';
  });

  switch (outcome) {
    case 'bound':
    case 'already-mine':
      return { memberId };
    case 'taken':
      throw new AppError('ALREADY_EXISTS', '该党员已被其他微信号绑定；如非本人操作，请联系支部书记处理');
    case 'caller-bound-elsewhere':
      throw new AppError('FAILED_PRECONDITION', '当前微信号已绑定其他党员，如需更换请联系机关工委');
    case 'gone':
      throw new AppError('NOT_FOUND', '该党员已从名册中移除，请联系支部书记');
  }
}

/** Counts one failed attempt on today's counter (one write). */
async function recordFailure(db: Database, counterId: string, openid: string, exists: boolean): Promise<void> {
  const ref = db.collection(COUNTERS).doc(counterId);
  const increment = () => ref.update({ data: { count: db.command.inc(1), updatedAt: db.serverDate() } });
  if (exists) {
    await increment();
    return;
  }
  try {
    await db.collection(COUNTERS).add({
      data: {
        _id: counterId,
        kind: 'bind-fail',
        openid,
        count: 1,
        createdAt: db.serverDate(),
        updatedAt: db.serverDate(),
      },
    });
  } catch (e) {
    // A concurrent failed attempt created it first.
    if (!isDuplicateKeyError(e)) throw e;
    await increment();
  }
}
