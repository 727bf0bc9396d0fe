/**
 * Fixed-size dense records written as 32-bit words from a template: the record's constant words
 * (frame, field headers) are copied natively over a block of records, then only the values and
 * labels are stored, one word at a time.
 * @internal
 */

/** Where the parts of one record fall, in 32-bit words, and the arrays its values come from. */
export interface WordLayout {
  /** One whole record with its values left zero. */
  readonly template: Int32Array;
  /** Words before the features' values (frame and features header). */
  readonly headWords: number;
  /** Words of one row's values. */
  readonly rowWords: number;
  /** Words between the values and the label (the label field's header); 0 without labels. */
  readonly midWords: number;
  /** Words of one label (1 for float32, 2 for float64); 0 without labels. */
  readonly labelWords: number;
  /** The features' values as words. */
  readonly values: Int32Array;
  /** The labels as words, when the records have labels. */
  readonly labels: Int32Array | undefined;
  /** Records per template block: about 64 KiB, which stays in cache while it is filled. */
  readonly blockRecords: number;
}

/** Rows of at least this many words are copied with a native `set`; shorter ones by a loop. */
const SET_WORDS = 64;

/**
 * Writes records `[from, to)` at word `first` of `o` (which has room), returns the word after
 * the last. The first block is laid out from the template; later blocks copy the first block's
 * constant words, whatever values it holds by then.
 */
export function writeRecordWords(
  layout: WordLayout,
  from: number,
  to: number,
  o: Int32Array,
  first: number,
): number {
  if (to <= from) return first;
  // Locals rather than property loads in the loop: the loop runs once per record.
  const { template, headWords, rowWords, midWords, labelWords, values, labels } = layout;
  const blockRecords = layout.blockRecords;
  const recordWords = template.length;
  const firstWords = Math.min(blockRecords, to - from) * recordWords;
  o.set(template, first);
  for (let len = recordWords; len < firstWords; len *= 2) {
    o.copyWithin(first + len, first, first + Math.min(len, firstWords - len));
  }
  let w = first;
  let s = from * rowWords;
  let l = from * labelWords;
  for (let i = from; i < to;) {
    const n = Math.min(blockRecords, to - i);
    if (i !== from) o.copyWithin(w, first, first + n * recordWords);
    for (let j = 0; j < n; j++) {
      w += headWords;
      const e = s + rowWords;
      if (rowWords >= SET_WORDS) {
        o.set(values.subarray(s, e), w);
        w += rowWords;
        s = e;
      } else {
        // Unrolled: with a handful of words per row, a plain loop's own bookkeeping costs more
        // than its stores (it ran at half this speed).
        for (; s + 8 <= e; s += 8, w += 8) {
          o[w] = values[s] as number;
          o[w + 1] = values[s + 1] as number;
          o[w + 2] = values[s + 2] as number;
          o[w + 3] = values[s + 3] as number;
          o[w + 4] = values[s + 4] as number;
          o[w + 5] = values[s + 5] as number;
          o[w + 6] = values[s + 6] as number;
          o[w + 7] = values[s + 7] as number;
        }
        if (s + 4 <= e) {
          o[w] = values[s] as number;
          o[w + 1] = values[s + 1] as number;
          o[w + 2] = values[s + 2] as number;
          o[w + 3] = values[s + 3] as number;
          s += 4;
          w += 4;
        }
        while (s < e) o[w++] = values[s++] as number;
      }
      if (labels !== undefined) {
        w += midWords;
        o[w] = labels[l] as number;
        if (labelWords === 2) o[w + 1] = labels[l + 1] as number;
        w += labelWords;
        l += labelWords;
      }
    }
    i += n;
  }
  return w;
}
