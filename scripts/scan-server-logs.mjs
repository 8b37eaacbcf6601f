#!/usr/bin/env node
// Scans the server log lines the API tests captured (test/server/helper.ts writes them to
// test-results/server-logs/) for personal data and credentials: phone numbers, openids,
// bearer tokens, addresses. Exits 1 when anything is found. `npm test` runs it after jest;
// alone: `node scripts/scan-server-logs.mjs [dir]`. Findings are printed masked: the report
// must not become the leak.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_DIR = 'test-results/server-logs';

/** What must never appear in a log line, by kind. Each has a global regex. */
export const PATTERNS = [
  // Mainland mobile numbers. Digits or a decimal point around it mean a timestamp or a duration, and
  // letters a content hash (/css/760.318d14368935857c216a.css holds "14368935857").
  { kind: '手机号', re: /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g },
  // The WeChat stand-in's login and phone codes carry the openid / number in clear.
  { kind: 'openid', re: /mock:[^\s"]*|mock-phone:[^\s"]*|oPrivacy\w*/g },
  { kind: '令牌', re: /Bearer\s+[A-Za-z0-9_-]{20,}/gi },
  // A header value that escaped redaction ("[已隐藏]" is the censor).
  { kind: '令牌', re: /authorization\\?"?\s*[:=]\s*\\?"?(?!\[已隐藏\])[^\s"\\,}]+/gi },
  // Session tokens are 32 random bytes in base64url: 43 characters mixing cases and digits.
  { kind: '令牌', re: /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  // A street and door number, and the streets and cities the tests book deliveries to.
  { kind: '地址', re: /[\u4e00-\u9fa5]{1,8}(?:路|街|巷|弄)\s*\d+\s*号|茗溪路|文三路|文一西路|良渚街道|福州市|茗溪区/g },
];

/** Splits a line into the pieces an openid or token could be (they hold none of these characters). */
const DELIMITERS = /[\s"'`,;:=/?&()[\]{}<>\\|]+/;

/** 13812341234 -> 138*****234: enough to find it in the file, not enough to reuse it. */
function mask(text) {
  if (text.length <= 6) return '*'.repeat(text.length);
  return `${text.slice(0, 3)}${'*'.repeat(Math.min(text.length - 6, 20))}${text.slice(-3)}`;
}

function readSecrets(dir, files) {
  const secrets = new Set();
  for (const f of files.filter((n) => n.endsWith('.secrets'))) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) if (line.trim().length >= 8) secrets.add(line.trim());
  }
  return secrets;
}

/** Every finding in the log files of `dir`: { file, line, kind, sample (masked) }. */
export function scanDir(dir = DEFAULT_DIR) {
  if (!existsSync(dir)) return { files: 0, lines: 0, findings: [] };
  const names = readdirSync(dir);
  const secrets = readSecrets(dir, names);
  const logs = names.filter((n) => n.endsWith('.log'));
  const findings = [];
  let lines = 0;
  for (const file of logs) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    text.split('\n').forEach((line, i) => {
      if (!line) return;
      lines++;
      for (const { kind, re } of PATTERNS) {
        for (const m of line.matchAll(re)) findings.push({ file, line: i + 1, kind, sample: mask(m[0]) });
      }
      if (secrets.size === 0) return;
      for (const piece of line.split(DELIMITERS)) {
        if (piece.length >= 8 && secrets.has(piece)) findings.push({ file, line: i + 1, kind: '测试用 openid/令牌', sample: mask(piece) });
      }
    });
  }
  return { files: logs.length, lines, findings };
}

/** Prints the outcome; returns the process exit code (0 clean, 1 findings). */
export function report({ files, lines, findings }, out = console) {
  out.log(`服务器日志隐私扫描：${files} 个文件，${lines} 行，发现 ${findings.length} 处`);
  if (findings.length === 0) return 0;
  const byKind = new Map();
  for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  out.log(`  按类别：${[...byKind].map(([k, n]) => `${k} ${n}`).join('，')}`);
  for (const f of findings.slice(0, 20)) out.log(`  ${f.file}:${f.line} ${f.kind} ${f.sample}`);
  if (findings.length > 20) out.log(`  …另有 ${findings.length - 20} 处`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(report(scanDir(process.argv[2] ?? DEFAULT_DIR)));
}
