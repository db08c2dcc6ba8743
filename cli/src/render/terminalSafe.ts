// Text from the cluster (a volume's status.message, an event, an API server's error) or from a hand-made dump can
// hold terminal control sequences: ESC [2J clears the screen, ESC ]0; retitles the window, a CR overwrites what was
// printed. kubectl escapes them before printing (printers.EscapeTerminal); so do we, for every table cell and every
// warning and error line. A newline is shown as \n too, so one row stays one line and one error stays one line.
// Our own colour codes are added after this (paint), never escaped.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\n]/g;

function escape(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  // Caret notation as `cat -v` prints it: ESC is ^[, DEL ^?; the C1 range as M-^X.
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
}

/** `text` with control characters shown as caret notation (tabs stay: the table and wrapping treat them as space). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, escape);
}
