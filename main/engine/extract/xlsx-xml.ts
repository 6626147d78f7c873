// A small strict XML token reader for the parts of an .xlsx. The fast reader mirrors exceljs, whose parser
// (saxes) rejects malformed XML, so this one throws where saxes would fail (unknown entities, control
// characters, mismatched tags, an unclosed root) instead of reading what exceljs would call corrupt.

/** Thrown when a part has a shape the fast reader does not mirror; the caller then reads the file with exceljs. */
export class FastXlsxUnsupported extends Error {}

export function unsupported(what: string): FastXlsxUnsupported {
  return new FastXlsxUnsupported(what);
}

// An open tag (attributes well formed, values quoted), read at a `<` known to start one.
const openTagPattern = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const closeNamePattern = /^[A-Za-z_][\w.:-]*\s*$/;

// saxes refuses these characters anywhere in a document.
const disallowedCharacters = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

const entityPattern = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+))?(;?)/g;

function decodeEntity(whole: string, named: string | undefined, decimal: string | undefined, hex: string | undefined, semicolon: string): string {
  if (semicolon !== ';' || (named === undefined && decimal === undefined && hex === undefined)) {
    throw unsupported(`malformed entity ${whole}`);
  }
  switch (named) {
    case 'lt': return '<';
    case 'gt': return '>';
    case 'amp': return '&';
    case 'quot': return '"';
    case 'apos': return "'";
    default: {
      const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex!, 16);
      if (!isXmlChar(code)) throw unsupported(`character reference ${whole}`);
      return String.fromCodePoint(code);
    }
  }
}

function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(entityPattern, decodeEntity) : text;
}

/** Element text as saxes reports it: line ends normalised to \n, then entities decoded. */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return decodeEntities(raw.replace(/\r\n?/g, '\n'));
}

/** Attribute values as saxes reports them: literal line ends and tabs become spaces, then entities decoded. */
export function decodeXmlAttribute(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf('\t') < 0) return raw;
  return decodeEntities(raw.replace(/\r\n|[\r\n\t]/g, ' '));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

/**
 * The decoded attributes of one tag (qualified names as written, like saxes without namespaces). The reader
 * reuses one instance: read the values before asking for the next tag's.
 */
export class Attributes {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;

  /** `raw` has passed openTagPattern: name, `=`, quoted value, repeated. */
  parse(raw: string): this {
    this.count = 0;
    for (let i = 0; i < raw.length; ) {
      if (isSpace(raw.charCodeAt(i))) {
        i++;
        continue;
      }
      const equals = raw.indexOf('=', i);
      let nameEnd = equals;
      while (isSpace(raw.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = raw.slice(i, nameEnd);
      let quote = equals + 1;
      while (isSpace(raw.charCodeAt(quote))) quote++;
      const end = raw.indexOf(raw[quote], quote + 1);
      for (let k = 0; k < this.count; k++) if (this.names[k] === name) throw unsupported(`duplicate attribute ${name}`);
      this.names[this.count] = name;
      this.values[this.count] = decodeXmlAttribute(raw.slice(quote + 1, end));
      this.count++;
      i = end + 1;
    }
    return this;
  }

  get(name: string): string | undefined {
    for (let k = 0; k < this.count; k++) if (this.names[k] === name) return this.values[k];
    return undefined;
  }
}

export type TokenKind = 'open' | 'close' | 'text';

/**
 * Reads one document token by token. Self-closing tags come as an open token followed by a close. Reading stops
 * after the root element closes, as exceljs's parsers do.
 */
export class XmlReader {
  private position = 0;
  private readonly stack: string[] = [];
  private pendingClose: string | null = null;
  private rootSeen = false;
  private finished = false;
  private readonly attributeValues = new Attributes();
  kind: TokenKind = 'text';
  name = '';
  /** Raw attribute text of an open token; readAttributes() decodes it. */
  attributes = '';
  selfClosing = false;
  /** Decoded text of a text token. */
  text = '';

  private xml: string;

  /**
   * `more` gives the rest of the document piece by piece (null at its end), each piece cut between two tokens: a
   * worksheet of 300 MB is never one string (it would be 600 MB of heap in one allocation, which no worker survives).
   */
  constructor(xml: string, private readonly more: (() => string | null) | null = null) {
    this.xml = xml;
    if (disallowedCharacters.test(xml)) throw unsupported('disallowed character');
  }

  private refill(): boolean {
    const next = this.more?.() ?? null;
    if (next === null) return false;
    if (disallowedCharacters.test(next)) throw unsupported('disallowed character');
    this.xml = next;
    this.position = 0;
    return true;
  }

  /** The current open tag's attributes, valid until the next call. */
  readAttributes(): Attributes {
    return this.attributeValues.parse(this.attributes);
  }

  /** Open elements, counting the current one for an open token and no longer counting it for a close. */
  get depth(): number {
    return this.stack.length;
  }

  next(): boolean {
    if (this.pendingClose !== null) {
      this.stack.pop();
      this.kind = 'close';
      this.name = this.pendingClose;
      this.pendingClose = null;
      this.closed();
      return true;
    }
    while (!this.finished && (this.position < this.xml.length || this.refill())) {
      const { xml } = this;
      const start = this.position;
      if (xml.charCodeAt(start) !== 0x3c) {
        const end = xml.indexOf('<', start);
        this.position = end < 0 ? xml.length : end;
        if (this.stack.length === 0) {
          // Whitespace around the root carries nothing; saxes refuses anything else there.
          if (/\S/.test(xml.slice(start, this.position))) throw unsupported('text outside the root element');
          continue;
        }
        this.kind = 'text';
        this.text = decodeXmlText(xml.slice(start, this.position));
        return true;
      }
      const second = xml.charCodeAt(start + 1);
      if (second === 0x2f) return this.readCloseTag(start);
      if (second === 0x21 || second === 0x3f) {
        this.skipMarkup(start);
        continue;
      }
      return this.readOpenTag(start);
    }
    if (this.stack.length > 0 || !this.rootSeen) throw unsupported('unclosed or missing root element');
    this.finished = true;
    return false;
  }

  private readOpenTag(start: number): boolean {
    openTagPattern.lastIndex = start;
    const m = openTagPattern.exec(this.xml);
    // saxes also refuses a raw `<` inside an attribute value.
    if (!m || m[2].includes('<')) throw unsupported('malformed tag');
    if (this.stack.length === 0 && this.rootSeen) throw unsupported('second root element');
    this.rootSeen = true;
    this.position = openTagPattern.lastIndex;
    this.stack.push(m[1]);
    this.kind = 'open';
    this.name = m[1];
    this.attributes = m[2];
    this.selfClosing = m[3] === '/';
    if (this.selfClosing) this.pendingClose = m[1];
    return true;
  }

  private readCloseTag(start: number): boolean {
    const end = this.xml.indexOf('>', start);
    if (end < 0) throw unsupported('unclosed close tag');
    const raw = this.xml.slice(start + 2, end);
    if (!closeNamePattern.test(raw)) throw unsupported(`malformed close tag ${raw}`);
    const name = raw.trimEnd();
    if (this.stack.pop() !== name) throw unsupported(`mismatched close tag ${name}`);
    this.position = end + 1;
    this.kind = 'close';
    this.name = name;
    this.closed();
    return true;
  }

  /** Comments and instructions carry no data; exceljs listens to no CDATA events, so their content is dropped. */
  private skipMarkup(start: number): void {
    const { xml } = this;
    let end: number;
    if (xml.startsWith('<!--', start)) end = endOf(xml, '-->', start + 4);
    else if (xml.startsWith('<![CDATA[', start)) end = endOf(xml, ']]>', start + 9);
    else if (xml.charCodeAt(start + 1) === 0x3f) end = endOf(xml, '?>', start + 2);
    else throw unsupported(xml.startsWith('<!DOCTYPE', start) ? 'DOCTYPE' : 'unknown markup');
    this.position = end;
  }

  private closed(): void {
    if (this.stack.length > 0) return;
    this.finished = true;
    // exceljs stops at the root's end too, but saxes has already refused text or a second element after it.
    const rest = this.xml.slice(this.position);
    if (/\S/.test(rest) && /\S/.test(rest.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ''))) {
      throw unsupported('content after the root element');
    }
  }
}

function endOf(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  if (at < 0) throw unsupported(`unterminated markup before ${terminator}`);
  return at + terminator.length;
}
