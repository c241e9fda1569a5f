// A streaming JSON reader for inputs of any size (beyond V8's 512 MB string limit): bytes are pushed in chunks, and
// every item of a List (or of a top-level array) comes out as soon as its closing bracket arrives, parsed on its
// own. Only the item being read is kept. A structural scanner finds where items start and end (strings, escapes
// and nesting tracked byte by byte); each item's bytes go to the native JSON.parse, minus the fields nothing reads
// (metadata.managedFields, about half of a real object's bytes), which are cut out before parsing.
//
// A value that is not a list (a single object) is parsed whole, within the same per-item budget.

export interface StreamedItem {
  value: unknown;
  /** object path in the document, e.g. "items[3]", or "" for a whole document */
  path: string;
  /** 1-based line the item starts on */
  line: number;
}

export interface StreamedDocument {
  /** the top-level fields other than items ("kind", "apiVersion", "metadata"), known once the document ends */
  shell: Record<string, unknown>;
  /** whether the document was a list (an object with "items", or an array) */
  list: boolean;
  /** 1-based line the document starts on */
  line: number;
}

export interface JsonStreamError {
  line: number;
  message: string;
  /** the stream stopped here (broken structure or truncated input); other errors cost one item */
  fatal: boolean;
  /** the input ended in the middle of a value */
  truncated?: boolean;
}

export interface JsonStreamOptions {
  onItem(item: StreamedItem): void;
  /** one per top-level value, after all its items */
  onDocument?(doc: StreamedDocument): void;
  onError(error: JsonStreamError): void;
  /** an item larger than this is not parsed (default 256 MiB) */
  maxItemBytes?: number;
  /** keys of an item's metadata whose values are dropped before parsing (default: managedFields) */
  dropMetadataKeys?: ReadonlyArray<string>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
/** deeper than any Kubernetes object; hostile input stops here */
const MAX_DEPTH = 512;

/** what the scanner is inside, per nesting level */
const OBJ = 1;
const ARR = 2;

/**
 * Reads a stream of top-level JSON values (one or several, one after another). Call write() with each chunk and
 * end() once; callbacks run synchronously inside them.
 */
export class JsonItemStream {
  private readonly opts: JsonStreamOptions;
  private readonly maxItem: number;
  private readonly dropKeys: Set<string>;
  /** bytes not consumed yet: the item (or top-level scalar) being read, from its first byte */
  private buf: Buffer = Buffer.alloc(0);
  /** absolute position of buf[0] in the stream */
  private base = 0;
  /** scan position inside buf */
  private pos = 0;
  private line = 1;
  private inString = false;
  private escaped = false;
  /** container types from the top level down, and how deep it goes now */
  private readonly types = new Uint8Array(MAX_DEPTH);
  private depth = 0;
  /** per level: for objects, 1 while the next string is a key */
  private readonly expect = new Uint8Array(MAX_DEPTH);
  /** start (in buf) of the key string just read at levels 1 and itemDepth+1, to recognise "items" and "metadata" */
  private keyStart = -1;
  private lastKey: string[] = [];
  /** depth at which items live (1 for a top-level array, 2 for {"items": [...]}); 0 when not in a list */
  private itemDepth = 0;
  private itemStart = -1;
  private itemLine = 0;
  private itemIndex = 0;
  private itemKey = 'items';
  /** ranges (in buf) of values to drop from the current item */
  private cuts: number[] = [];
  private cutStart = -1;
  private cutDepth = -1;
  private skippingItem = false;
  /** the top-level document: its shell fields, and where a non-list value started */
  private shell: Record<string, unknown> = {};
  private docLine = 0;
  private docStart = -1;
  private docIsList = false;
  private valueStart = -1;
  private failed = false;

  constructor(opts: JsonStreamOptions) {
    this.opts = opts;
    this.maxItem = opts.maxItemBytes ?? 256 * 1024 * 1024;
    this.dropKeys = new Set(opts.dropMetadataKeys ?? ['managedFields']);
  }

  /** the top-level document's "kind", once read (troubleshoot writes it before the items, kubectl after) */
  shellKind(): string | undefined {
    return typeof this.shell.kind === 'string' ? this.shell.kind : undefined;
  }

  write(chunk: Buffer): void {
    if (this.failed || chunk.length === 0) return;
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.scan();
    if (!this.failed) this.compact();
  }

  end(): void {
    if (this.failed) return;
    if (this.depth === 0 && this.scalarStart >= 0 && this.docStart >= 0) {
      this.topLevelScalarEnd(this.buf.length);
      return;
    }
    if (this.depth > 0 || this.inString) {
      // the line of the last byte that is not white space
      let line = this.line;
      for (let k = this.buf.length - 1; k >= 0; k--) {
        const c = this.buf[k] as number;
        if (c === NEWLINE) line--;
        else if (c !== 0x20 && c !== 0x0d && c !== 0x09) break;
      }
      this.opts.onError({ line: Math.max(1, line), message: 'truncated: the file ends in the middle of a JSON value', fatal: true, truncated: true });
    }
  }

  /** the first byte still needed: the current item's, the current top-level value's, or the scan position */
  private keepFrom(): number {
    let from = this.pos;
    if (this.itemStart >= 0) from = Math.min(from, this.itemStart);
    if (this.docStart >= 0) from = Math.min(from, this.docStart);
    if (this.valueStart >= 0) from = Math.min(from, this.valueStart);
    if (this.keyStart >= 0) from = Math.min(from, this.keyStart);
    if (this.scalarStart >= 0) from = Math.min(from, this.scalarStart);
    return from;
  }

  /** drops the bytes no longer needed (no copy: the rest is a view until the next chunk arrives) */
  private compact(): void {
    const d = this.keepFrom();
    if (d > 0) {
      this.buf = this.buf.subarray(d);
      this.pos -= d;
      if (this.itemStart >= 0) this.itemStart -= d;
      if (this.docStart >= 0) this.docStart -= d;
      if (this.valueStart >= 0) this.valueStart -= d;
      if (this.keyStart >= 0) this.keyStart -= d;
      if (this.cutStart >= 0) this.cutStart -= d;
      if (this.scalarStart >= 0) this.scalarStart -= d;
      for (let k = 0; k < this.cuts.length; k++) this.cuts[k] = (this.cuts[k] as number) - d;
      this.base += d;
    }
    if (this.buf.length > this.maxItem && !this.skippingItem) {
      const mib = Math.round(this.maxItem / 1024 / 1024);
      if (this.itemStart >= 0) {
        this.opts.onError({ line: this.itemLine, message: `${this.itemDepth === 1 ? '' : this.itemKey}[${this.itemIndex}] is larger than ${mib} MiB: not read`, fatal: false });
        this.skippingItem = true;
        this.itemStart = -1;
        this.cuts = [];
        this.cutStart = -1;
        this.compact();
      } else if (this.docStart >= 0) {
        this.opts.onError({ line: this.docLine, message: `a JSON value larger than ${mib} MiB that is not a list: not read`, fatal: true });
        this.failed = true;
        this.buf = Buffer.alloc(0);
      }
    }
  }

  private fail(message: string): void {
    this.opts.onError({ line: this.line, message, fatal: true });
    this.failed = true;
  }

  private scan(): void {
    const buf = this.buf;
    const n = buf.length;
    const types = this.types;
    const expect = this.expect;
    let i = this.pos;
    let line = this.line;
    let depth = this.depth;
    // below this depth nothing but nesting matters: no item, shell field or cut starts or ends there
    let limit = this.itemDepth + 2;
    while (i < n) {
      if (this.inString) {
        // inside a string: only a quote or a backslash matters
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        let c = buf[i] as number;
        while (c !== QUOTE && c !== BACKSLASH) {
          if (++i >= n) break;
          c = buf[i] as number;
        }
        if (i >= n) break;
        i++;
        if (c === BACKSLASH) {
          this.escaped = true;
          continue;
        }
        this.inString = false;
        if (depth > limit) continue;
        if (this.stringIsKey) {
          if (this.keyStart >= 0) {
            this.lastKey[depth] = buf.toString('utf8', this.keyStart + 1, i - 1);
            this.keyStart = -1;
          }
        } else {
          this.depth = depth;
          this.scalarEnds(i, depth);
        }
        continue;
      }
      const c = buf[i] as number;
      if (c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09) {
        if (c === NEWLINE) line++;
        i++;
        continue;
      }
      if (depth > limit) {
        // deep inside an item: track nesting and strings only
        if (c === QUOTE) {
          this.inString = true;
          this.stringIsKey = false;
        } else if (c === LBRACE || c === LBRACKET) {
          if (depth >= MAX_DEPTH) {
            this.pos = i;
            this.line = line;
            this.fail(`nested deeper than ${MAX_DEPTH} levels`);
            return;
          }
          types[depth++] = c === LBRACE ? OBJ : ARR;
        } else if (c === RBRACE || c === RBRACKET) {
          depth--;
          if (depth <= limit) {
            i++;
            this.depth = depth;
            this.valueEnds(i, depth, line);
            if (this.failed) return;
            continue;
          }
        }
        i++;
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
        this.stringIsKey = depth > 0 && types[depth - 1] === OBJ && expect[depth - 1] === 1;
        if (this.stringIsKey) {
          // a key: remember it where the level matters (top level, item level, the item's metadata)
          if (depth === 1 || (this.itemStart >= 0 && (depth === this.itemDepth + 1 || (depth === this.itemDepth + 2 && this.lastKey[depth - 1] === 'metadata')))) this.keyStart = i;
          else this.lastKey[depth] = '';
        } else {
          this.depth = depth;
          this.valueBegins(i, depth, line);
        }
        i++;
        continue;
      }
      if (c === COLON) {
        if (depth > 0) expect[depth - 1] = 0;
        i++;
        continue;
      }
      if (c === COMMA) {
        if (depth > 0 && types[depth - 1] === OBJ) expect[depth - 1] = 1;
        i++;
        continue;
      }
      if (c === LBRACE || c === LBRACKET) {
        this.depth = depth;
        this.valueBegins(i, depth, line);
        types[depth] = c === LBRACE ? OBJ : ARR;
        expect[depth] = c === LBRACE ? 1 : 0;
        depth++;
        if (depth === 1 && c === LBRACKET) {
          // a top-level array: its elements are the items
          this.itemDepth = 1;
          this.itemIndex = 0;
          this.docIsList = true;
          this.docStart = -1;
          limit = 3;
        } else if (depth === 2 && !this.docIsList && types[0] === OBJ && c === LBRACKET && (this.lastKey[1] === 'items' || this.lastKey[1] === 'Items')) {
          // {"items": [ ... ]}: the list's elements are the items
          this.itemDepth = 2;
          this.itemIndex = 0;
          this.itemKey = this.lastKey[1] as string;
          this.docIsList = true;
          this.docStart = -1;
          this.valueStart = -1;
          limit = 4;
        }
        i++;
        continue;
      }
      if (c === RBRACE || c === RBRACKET) {
        if (depth === 0 || types[depth - 1] !== (c === RBRACE ? OBJ : ARR)) {
          this.pos = i;
          this.line = line;
          this.fail(`unexpected "${String.fromCharCode(c)}"`);
          return;
        }
        depth--;
        i++;
        this.depth = depth;
        this.valueEnds(i, depth, line);
        if (this.failed) return;
        limit = this.itemDepth + 2;
        continue;
      }
      // a bare scalar (number, true, false, null): consumed up to the next delimiter
      this.depth = depth;
      this.valueBegins(i, depth, line);
      this.scalarStart = i;
      while (i < n) {
        const d = buf[i] as number;
        if (d === COMMA || d === RBRACE || d === RBRACKET || d === 0x20 || d === NEWLINE || d === 0x0d || d === 0x09 || d === COLON) break;
        i++;
      }
      if (i >= n) {
        // the scalar may continue in the next chunk: rescan it then
        i = this.scalarStart;
        break;
      }
      this.scalarStart = -1;
      this.scalarEnds(i, depth);
    }
    this.pos = i;
    this.line = line;
    this.depth = depth;
  }

  /** where the bare scalar being read started, while it may continue in the next chunk */
  private scalarStart = -1;
  private stringIsKey = false;

  /** a string or bare scalar value ended at i (exclusive) */
  private scalarEnds(i: number, depth: number): void {
    if (depth === 0) this.topLevelScalarEnd(i);
    else if (depth === this.itemDepth && this.itemStart >= 0 && this.types[depth - 1] === ARR) this.finishItem(i);
    else if (depth === 1 && this.types[0] === OBJ && this.valueStart >= 0) this.keepShellField(i);
    else if (this.cutStart >= 0 && depth === this.cutDepth) this.finishCut(i);
  }

  /** a value (of any type) starts at i, at this nesting depth */
  private valueBegins(i: number, depth: number, line: number): void {
    if (depth === 0) {
      this.docLine = line;
      this.docStart = i;
      this.docIsList = false;
      this.itemDepth = 0;
      this.shell = {};
      this.lastKey = [];
      return;
    }
    if (this.itemDepth > 0 && depth === this.itemDepth && this.types[depth - 1] === ARR) {
      this.itemStart = i;
      this.itemLine = line;
      this.skippingItem = false;
      this.cuts = [];
      return;
    }
    if (depth === 1 && this.types[0] === OBJ) {
      // a top-level field's value other than items: kept for the shell
      this.valueStart = i;
      return;
    }
    if (this.itemStart >= 0 && depth === this.itemDepth + 2 && this.lastKey[this.itemDepth + 1] === 'metadata' && this.dropKeys.has(this.lastKey[depth] ?? '')) {
      this.cutStart = i;
      this.cutDepth = depth;
    }
  }

  /** a container closed at i (exclusive); depth is the depth of its value */
  private valueEnds(i: number, depth: number, _line: number): void {
    if (depth === 0) {
      if (this.docIsList) {
        this.opts.onDocument?.({ shell: this.shell, list: true, line: this.docLine });
      } else if (this.docStart >= 0) {
        this.parseWhole(this.docStart, i);
      }
      this.docStart = -1;
      this.itemDepth = 0;
      this.docIsList = false;
      return;
    }
    if (depth === 1 && this.types[0] === OBJ) {
      if (this.valueStart >= 0) this.keepShellField(i);
      // the items array closed: what follows at the top level is the shell again
      else if (this.itemDepth === 2) this.itemDepth = 0;
      return;
    }
    if (depth === this.itemDepth && this.itemStart >= 0) {
      this.finishItem(i);
      return;
    }
    if (depth === this.itemDepth && this.skippingItem) {
      this.skippingItem = false;
      this.itemIndex++;
      return;
    }
    if (this.cutStart >= 0 && depth === this.cutDepth) this.finishCut(i);
  }

  private finishCut(end: number): void {
    this.cuts.push(this.cutStart, end);
    this.cutStart = -1;
    this.cutDepth = -1;
  }

  private topLevelScalarEnd(i: number): void {
    if (this.docStart >= 0) this.parseWhole(this.docStart, i);
    this.docStart = -1;
    this.valueStart = -1;
  }

  private keepShellField(end: number): void {
    const key = this.lastKey[1] ?? '';
    const start = this.valueStart;
    this.valueStart = -1;
    if (key === 'items' || key === 'Items') {
      // "items": null or another non-array value
      this.docIsList = true;
      this.docStart = -1;
      return;
    }
    if (key !== 'kind' && key !== 'apiVersion' && key !== 'metadata') return;
    try {
      this.shell[key] = JSON.parse(this.buf.toString('utf8', start, end));
    } catch {
      // shown when the document is parsed as a whole, or lost with it
    }
  }

  private finishItem(end: number): void {
    const start = this.itemStart;
    this.itemStart = -1;
    const index = this.itemIndex++;
    const path = this.itemDepth === 1 ? `[${index}]` : `${this.itemKey}[${index}]`;
    let text: string;
    if (this.cuts.length === 0) {
      text = this.buf.toString('utf8', start, end);
    } else {
      text = '';
      let from = start;
      for (let k = 0; k < this.cuts.length; k += 2) {
        text += `${this.buf.toString('utf8', from, this.cuts[k])}null`;
        from = this.cuts[k + 1] as number;
      }
      text += this.buf.toString('utf8', from, end);
      this.cuts = [];
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.opts.onError({ line: this.itemLine, message: `${path}: ${cleanJsonError(e)}`, fatal: false });
      return;
    }
    const meta = (value as { metadata?: Record<string, unknown> } | null)?.metadata;
    if (meta && typeof meta === 'object') for (const k of this.dropKeys) if (meta[k] === null) delete meta[k];
    this.opts.onItem({ value, path, line: this.itemLine });
  }

  private parseWhole(start: number, end: number): void {
    if (this.depth === 0 && start === 0 && end === 0) return;
    let value: unknown;
    const text = this.buf.toString('utf8', start, end);
    if (!plausibleJson(text)) {
      // bare words between documents (a dump with text in it): no JSON.parse (and its exception) per word
      this.opts.onError({ line: this.docLine, message: 'unexpected text outside a JSON document', fatal: false });
      return;
    }
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.opts.onError({ line: this.docLine, message: cleanJsonError(e), fatal: false });
      return;
    }
    const meta = (value as { metadata?: Record<string, unknown> } | null)?.metadata;
    if (meta && typeof meta === 'object') for (const k of this.dropKeys) delete meta[k];
    this.opts.onItem({ value, path: '', line: this.docLine });
    this.opts.onDocument?.({ shell: {}, list: false, line: this.docLine });
  }
}

/** what a top-level JSON value can start as: the rest is text that no parse needs to be tried on */
function plausibleJson(text: string): boolean {
  const t = text.trimStart();
  const c = t[0];
  return c === '{' || c === '[' || c === '"' || /^-?\d/.test(t) || /^(true|false|null)\s*$/.test(t);
}

function cleanJsonError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // never quote the input back: Node's message carries a snippet of it, which may be secret material
  return (message.split('\n')[0] ?? '')
    .replace(/, ".*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/^Unexpected token '?(.)'?(?: in JSON)?$/, 'unexpected "$1"')
    .trim();
}
