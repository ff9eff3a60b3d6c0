// user.bind: binds the caller to the roster member with that name and phone, race-safe and rate-limited.
import type { z } from 'zod';
import type { userSchemas, UserApi } from '@/domain/api/user';
import {
  BIND_MAX_FAILURES_PER_DAY,
  bindAllowed,
  bindFailureCounterId,
  decideBind,
  identityNamesMatch,
} from '@/domain/identity';
import { AppError } from '../../server/app-error';
import { USERS } from '../../server/caller';
import type { Database } from '../../server/db';
import { isDuplicateKeyError, runTransactionWithRetry, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { shanghaiDay } from '../../server/time';

const COUNTERS = 'counters';

type BindOutcome = 'bound' | 'already-mine' | 'taken' | 'caller-bound-elsewhere' | 'gone' | 'limited';

const LIMITED = '今天的绑定尝试次数已用完，请明天再试，或联系支部书记核对名册信息';

export async function bind(
  input: z.output<typeof userSchemas.bind>,
  ctx: ActionContext,
): Promise<UserApi['bind']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const counterId = bindFailureCounterId(openid, shanghaiDay());
  const found = await db.collection(MEMBERS).where({ phone: input.phone }).limit(1).get();
  const candidate = found.data[0];
  // A wrong name and an unknown phone get the same answer, so the call cannot confirm a phone number. The failure
  // is counted with a conditional update, so concurrent guesses cannot get more than the day's answers between them.
  if (!candidate || !identityNamesMatch(candidate.name, input.name)) {
    const failures = await recordFailure(db, counterId, openid);
    if (failures === null) throw new AppError('RESOURCE_EXHAUSTED', LIMITED);
    const left = BIND_MAX_FAILURES_PER_DAY - failures;
    throw new AppError(
      'NOT_FOUND',
      `名册中没有姓名与手机号都匹配的党员，请核对后重试${left > 0 ? `（今天还可尝试 ${left} 次）` : '（今天的尝试次数已用完）'}`,
    );
  }

  const memberId = candidate._id;
  const outcome = await runTransactionWithRetry<BindOutcome>(db, async (tx) => {
    // Inside the transaction, so that once limited a right answer is refused like a wrong one.
    const { data: counter } = await tx.collection(COUNTERS).doc(counterId).get();
    if (!bindAllowed(Number(counter?.count) || 0)) return 'limited';
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
    case 'limited':
      throw new AppError('RESOURCE_EXHAUSTED', LIMITED);
  }
}

/**
 * Counts one failed attempt on today's counter while it is under the day's limit (a conditional update, or the insert
 * of the first one); the count after it, or null when the limit was already reached.
 */
async function recordFailure(db: Database, counterId: string, openid: string): Promise<number | null> {
  const ref = db.collection(COUNTERS).doc(counterId);
  for (;;) {
    const { stats } = await db
      .collection(COUNTERS)
      .where({ _id: counterId, count: db.command.lt(BIND_MAX_FAILURES_PER_DAY) })
      .update({ data: { count: db.command.inc(1), updatedAt: db.serverDate() } });
    const { data } = await ref.get();
    if (stats.updated === 1) return Number(data?.count) || BIND_MAX_FAILURES_PER_DAY;
    if (data) return null;
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
      return 1;
    } catch (e) {
      // A concurrent failed attempt created it first: count against it.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
}
