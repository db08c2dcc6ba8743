// Word wrapping for free text (finding messages, explain paragraphs): whole words only, so a message never breaks
// character by character the way a terminal wraps an over-long line.

/**
 * Greedy word wrap at `width`. A word longer than the line stays whole (it runs past the edge), unless `breakLong`
 * is set: inside a table column that has neighbours on its right, an over-long word (a path, a URL) is cut at the
 * column edge so the columns after it stay aligned.
 */
export function wrapWords(text: string, width: number, breakLong = false): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let word of words) {
    while (breakLong && word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
