import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import { type PhotoDecoderOptions, decodeWltPhoto } from './photo-decoder.js';

/** Adds the decoded photo when a WLT decoder plugin is configured; a failing plugin is only logged. */
export async function addDecodedPhoto(
  decoder: PhotoDecoderOptions | undefined,
  fields: IdCardFields,
  wlt: Buffer,
  log: Logger,
): Promise<void> {
  if (!decoder || !fields.photo) return;
  const result = await decodeWltPhoto(decoder, wlt);
  if ('photo' in result) fields.photo.decoded = result.photo;
  else log.warn(`idcard photo decoder: ${result.error}`);
}
