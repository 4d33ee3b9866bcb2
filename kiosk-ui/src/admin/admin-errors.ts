import { AdminApiError } from './admin-api.js';
import { t, tDynamic } from './admin-messages.js';

/** A refused call as a sentence for the technician (never a raw code). */
export function errorText(err: unknown): string {
  if (!(err instanceof AdminApiError)) return t('admin.errors.generic', { message: String(err) });
  if (err.code === 'tooManyAttempts') {
    const seconds = (err.body as { retryAfter?: number } | undefined)?.retryAfter ?? 60;
    return t('admin.errors.tooManyAttempts', { seconds });
  }
  const key = `admin.errors.${err.code}`;
  const text = tDynamic(key);
  return text === key ? t('admin.errors.generic', { message: err.message }) : text;
}

/** A completion (any code) as a sentence. */
export function completionText(
  header: { completionCode: string; errorDescription?: string },
  payload?: unknown,
): string {
  const errorCode = (payload as { errorCode?: string } | undefined)?.errorCode ?? header.errorDescription ?? '';
  return tDynamic(`admin.completion.${header.completionCode}`, { errorCode });
}
