// The answers of a competition attempt kept on the phone (per attempt) so that a locked phone, a reload or a lost
// network keeps them until the server has scored the attempt.
import Taro from '@tarojs/taro';

export interface QuizDraft {
  answers: Record<string, number[]>;
  /** The question on screen, to come back to it. */
  current: number;
}

const key = (attemptId: string) => `jgdj.quiz-draft.${attemptId}`;

function isDraft(value: unknown): value is QuizDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<QuizDraft>;
  return typeof d.current === 'number' && typeof d.answers === 'object' && d.answers !== null;
}

export function loadDraft(attemptId: string): QuizDraft {
  try {
    const raw: unknown = Taro.getStorageSync(key(attemptId));
    if (isDraft(raw)) return raw;
  } catch {
    // Unreadable storage starts an empty draft; the server has the attempt anyway.
  }
  return { answers: {}, current: 0 };
}

export function saveDraft(attemptId: string, draft: QuizDraft): void {
  try {
    Taro.setStorageSync(key(attemptId), draft);
  } catch {
    // Full storage must not stop answering: the answers stay in memory and go out with the submit.
  }
}

export function clearDraft(attemptId: string): void {
  try {
    Taro.removeStorageSync(key(attemptId));
  } catch {
    // Nothing to do: a stale draft of a submitted attempt is never read again.
  }
}
