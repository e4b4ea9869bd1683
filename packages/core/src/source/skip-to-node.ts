/**
 * js-yaml reports where it started looking for a node: before white space, line breaks, comments,
 * an anchor (`&name`) or a tag (`!tag`). The node itself, the place to point at, starts after them.
 */
export function skipToNode(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return i;
      i = nl + 1;
    } else if ((c === 38 /* & */ || c === 33) /* ! */ && i + 1 < text.length) {
      // A property runs to the next white space; what follows it is the node.
      let j = i + 1;
      while (j < text.length && !isBreakOrSpace(text.charCodeAt(j))) j++;
      if (j >= text.length) return i;
      i = j;
    } else return i;
  }
}

function isBreakOrSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
