import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../web/src/i18n.ts';
import { formatBytes, runState, uploadRefusal } from '../../web/src/screens/imports/importText.ts';
import { importsMessages } from '../../web/src/screens/imports/messages.ts';

const words = (lang: 'zh' | 'en') => (key: string, params?: Record<string, string | number>) =>
  (importsMessages[lang] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name]));

describe('imports screen words', () => {
  it('shows the half of a server message in the reader’s language, and a message without halves whole', () => {
    expect(inLanguage('统一社会信用代码校验位错误 / the USCC check character is wrong', 'zh')).toBe('统一社会信用代码校验位错误');
    expect(inLanguage('统一社会信用代码校验位错误 / the USCC check character is wrong', 'en')).toBe('the USCC check character is wrong');
    expect(inLanguage('USCC_CHECK_FAILED', 'zh')).toBe('USCC_CHECK_FAILED');
  });

  it('calls a run RUNNING that this server no longer runs interrupted', () => {
    expect(runState('RUNNING', true)).toBe('running');
    expect(runState('RUNNING', false)).toBe('interrupted');
    expect(runState('RETRACTED', false)).toBe('retracted');
  });

  it('says a refused upload’s reason in Chinese with the size cap as people read sizes', () => {
    const tooLarge = { errors: [{ message: '文件超过上限 1048576 字节 / the file is larger than the limit of 1048576 bytes (CHUANTOU_MAX_UPLOAD_BYTES)', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] };
    expect(uploadRefusal(tooLarge, 413, words('zh'), 'zh')).toBe('文件超过服务器允许的大小上限（文件超过上限 1.0 MB）');
    expect(uploadRefusal(tooLarge, 413, words('en'), 'en')).toBe('the file is larger than the server allows (the file is larger than the limit of 1.0 MB (CHUANTOU_MAX_UPLOAD_BYTES))');
    const forbidden = { errors: [{ message: '无权执行此操作 / not allowed', extensions: { code: 'FORBIDDEN' } }] };
    expect(uploadRefusal(forbidden, 403, words('zh'), 'zh')).toBe('只有侦查人员可以导入数据（无权执行此操作）');
    expect(uploadRefusal(undefined, 502, words('zh'), 'zh')).toBe('服务器拒绝（HTTP 502）');
    expect(uploadRefusal(undefined, 0, words('zh'), 'zh')).toBe('网络中断或服务器无应答');
  });

  it('writes sizes in B, KB, MB and GB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
  });
});
