import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** One XML element, read whole: its attributes, its own text (CDATA included) and its children. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
  /** Line where it starts, for the report. */
  line: number;
}

/** The file is not well-formed XML: where, and what saxes says. */
export class MalformedXmlError extends Error {
  override readonly name = 'MalformedXmlError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: not well-formed XML: ${reason}`);
  }
}

export interface StreamOptions {
  /** Names of the elements handed over whole once closed (`post`, `item`…). */
  records: ReadonlySet<string>;
  /** Elements inside a record whose text is never needed (a post's body in WordPress): dropped as read. */
  ignoreText?: ReadonlySet<string>;
  /** Bytes read so far, after each chunk. */
  onBytes?: (bytes: number) => void;
  /** @default 64 KiB: larger chunks read no faster and hold more records at once */
  chunkBytes?: number;
}

/**
 * Streams an XML file and yields each record element once it closes. Only the record being
 * read is kept in memory, so memory stays bounded by the largest record, whatever the file's
 * size. Malformed XML stops the stream with a MalformedXmlError naming the line; the records
 * read before it have been yielded.
 */
export async function* streamXmlRecords(file: string, opts: StreamOptions): AsyncGenerator<XmlElement> {
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: file });
  const ready: XmlElement[] = [];
  // where in the text each ready record closed: saxes closes open elements on a wrong close tag before it reports it
  const closedAt: number[] = [];
  const open: XmlElement[] = [];
  let failure: MalformedXmlError | undefined;
  // records that close after the first error are not trusted: the parser is past a broken spot
  let trustedCount = Infinity;
  parser.on('error', (err) => {
    if (failure) return;
    failure = new MalformedXmlError(file, parser.line, parser.column, err.message.replace(/^.*?:\d+:\d+: /, ''));
    const firstUntrusted = closedAt.findIndex((at) => at >= parser.position);
    trustedCount = firstUntrusted === -1 ? ready.length : firstUntrusted;
  });
  parser.on('opentag', (tag) => {
    if (open.length === 0 && !opts.records.has(tag.name)) return;
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [], line: parser.line };
    open[open.length - 1]?.children.push(element);
    open.push(element);
  });
  const addText = (text: string) => {
    const current = open[open.length - 1];
    if (current && !opts.ignoreText?.has(current.name)) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = open.pop();
    if (element && open.length === 0) {
      ready.push(element);
      closedAt.push(parser.position);
    }
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const stream = createReadStream(file, { highWaterMark: opts.chunkBytes ?? 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new MalformedXmlError(file, parser.line, parser.column, 'the file is not UTF-8');
      }
      parser.write(text);
      // what closed before an error is still handed over, then the error
      closedAt.length = 0;
      yield* ready.splice(0).slice(0, trustedCount);
      if (failure) throw failure;
      opts.onBytes?.(bytes);
    }
    parser.close();
    yield* ready.splice(0).slice(0, trustedCount);
    if (failure) throw failure;
  } finally {
    stream.destroy();
  }
}

/** The text of the first child with this name, trimmed; '' when there is none. */
export const childText = (element: XmlElement, name: string): string => element.children.find((c) => c.name === name)?.text.trim() ?? '';

/** The first child with this name. */
export const child = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((c) => c.name === name);
