// The document's last source and what changed in the next one, with the binary-content check done on the change only.
import { binaryReason } from '../engine';
import { textChange, type TextChange } from '../parse/textChange';

export interface SourceStep {
  /** How the new source differs from the last one (undefined when there is nothing to compare with). */
  readonly change: TextChange | undefined;
  /** binaryReason of the new source, when it is not Python. */
  readonly binary: string | undefined;
}

export class SourceWatch {
  private source = '';
  /** The first 64 KiB of the last text looked at, that text, and whether it looked binary. */
  private sample: { head: string; of: string; binary: string | undefined } | undefined;

  /** Takes the next source; `compare` is false when nothing was kept of the last one (its change is not needed). */
  next(source: string, compare: boolean): SourceStep {
    const change = compare ? textChange(this.source, source) : undefined;
    const binary = this.binaryCheck(source, change);
    this.source = source;
    return { change, binary };
  }

  reset(): void {
    this.source = '';
    this.sample = undefined;
  }

  /**
   * binaryReason (NUL anywhere, or control characters in the first 64 KiB), looking only at what changed
   * since the last text (which had no NUL: it was not binary).
   */
  private binaryCheck(text: string, change: TextChange | undefined): string | undefined {
    // The change is against the last text; what is known of that text says the rest.
    const known = change && this.sample?.of === this.source && this.sample.binary === undefined;
    if (known ? text.slice(change.start, change.newEnd).includes('\0') : text.includes('\0')) return binaryReason(text);
    const head = known && change.start >= 65536 ? this.sample!.head : text.slice(0, 65536);
    const binary = head === this.sample?.head ? this.sample.binary : binaryReason(head);
    this.sample = { head, of: text, binary };
    return binary;
  }
}
