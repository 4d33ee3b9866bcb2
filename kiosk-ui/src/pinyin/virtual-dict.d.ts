declare module 'virtual:kiosk-pinyin-dict' {
  import type { PinyinIndex } from './pinyin-index-types.js';
  const index: PinyinIndex;
  export default index;
}
