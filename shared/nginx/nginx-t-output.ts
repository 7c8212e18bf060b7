import type { NginxTestMessage } from './types';

/**
 * Reads what `nginx -t` prints on stderr. Every line nginx writes starts with `nginx: `;
 * logged lines carry a `[level]`, and nginx appends ` in FILE:LINE` when the message is about
 * a place in the config. The summary lines (`syntax is ok`, `test is successful`, `test
 * failed`) carry no level: they are reported as notice, or error for `test failed`.
 */

type Level = NginxTestMessage['level'];
const LEVELS: readonly Level[] = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info'];

const LOGGED = /^nginx: \[([a-z]+)\] (.*)$/;
const SUMMARY_OK = /^nginx: (?:the )?configuration file (.+?) (?:syntax is ok|test is successful)$/;
const SUMMARY_FAILED = /^nginx: configuration file (.+?) test failed$/;
// Greedy head: the position is the last ` in FILE:LINE`, even when the message says " in " itself.
const POSITION = /^(.*) in (.+):(\d+)$/;

function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

function logged(level: Level, text: string): NginxTestMessage {
  const at = POSITION.exec(text);
  if (!at) return { level, message: text, file: null, line: null };
  return { level, message: at[1] as string, file: at[2] as string, line: Number(at[3]) };
}

/** One message per line nginx printed; lines without the `nginx: ` prefix continue the previous message. */
export function parseNginxTestOutput(stderr: string): NginxTestMessage[] {
  const out: NginxTestMessage[] = [];
  for (const raw of stderr.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line === '') continue;
    const level = LOGGED.exec(line);
    const ok = SUMMARY_OK.exec(line);
    const failed = SUMMARY_FAILED.exec(line);
    if (level && isLevel(level[1] as string)) out.push(logged(level[1] as Level, level[2] as string));
    else if (ok) out.push({ level: 'notice', message: line.slice('nginx: '.length), file: ok[1] as string, line: null });
    else if (failed) out.push({ level: 'error', message: line.slice('nginx: '.length), file: failed[1] as string, line: null });
    else if (line.startsWith('nginx: ')) out.push({ level: 'info', message: line.slice('nginx: '.length), file: null, line: null });
    else {
      const previous = out.pop();
      out.push(previous ? { ...previous, message: `${previous.message}\n${line}` } : { level: 'info', message: line, file: null, line: null });
    }
  }
  return out;
}

/** A temporary path to show as the operator's file; `keepLine` is false when lines do not correspond. */
export interface PathMapping {
  readonly from: string;
  readonly to: string;
  readonly keepLine: boolean;
}

/**
 * Shows messages about temporary copies (the check runs nginx on a copy of the operator's
 * config, in a scratch prefix) under the operator's own file name, in `file` and in the text.
 */
export function mapMessagePaths(messages: readonly NginxTestMessage[], mappings: readonly PathMapping[]): NginxTestMessage[] {
  const longestFirst = [...mappings].sort((a, b) => b.from.length - a.from.length);
  return messages.map((m) => {
    let message = m.message;
    for (const { from, to } of longestFirst) message = message.split(from).join(to);
    const hit = longestFirst.find((p) => p.from === m.file);
    if (!hit) return { ...m, message };
    return { ...m, message, file: hit.to, line: hit.keepLine ? m.line : null };
  });
}

/**
 * nginx names no position for files it fails to open while applying the config (certificates,
 * keys, CAs, CRLs): `cannot load certificate "/x": BIO_new_file() failed`. When the quoted path
 * appears on exactly one line of the operator's config, that line is where to look.
 */
export function locateQuotedPaths(messages: readonly NginxTestMessage[], file: string, text: string): NginxTestMessage[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return messages.map((m) => {
    if (m.file !== null) return m;
    for (const [, path] of m.message.matchAll(/"([^"\s]+)"/g)) {
      const found = lines.flatMap((l, i) => (l.includes(path as string) ? [i + 1] : []));
      if (found.length === 1) return { ...m, file, line: found[0] as number };
    }
    return m;
  });
}
