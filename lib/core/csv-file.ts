import Papa from "papaparse";

/** One data record of a CSV file, with the line it starts on (the header is line 1). */
export type CsvRecord = {
  line: number;
  cells: string[];
  /** The record as it stands in the file, without its line break: what a bad row is reported with. */
  raw: string;
  /** Set when the record itself can't be read (a quote never closed, text after a closing quote). */
  parseError?: string;
};

/**
 * A file's data records, read a slice at a time: a big file's records are never all held at once,
 * only where each starts and ends.
 */
export type CsvRecords = { readonly length: number; slice(from: number, to: number): CsvRecord[] };
export type CsvFile = { headers: string[]; records: CsvRecords; delimiter: string };
export type CsvReadResult = { ok: true; file: CsvFile } | { ok: false; error: string };

const CSV_DELIMITERS = [",", ";", "\t"] as const;
const BYTE_ORDER_MARK = 0xfeff;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'A quoted value is never closed (a " is missing), so this row and everything after it could not be read.',
  InvalidQuotes: 'A quoted value has text after its closing quote. Put the whole value in quotes and double any quote inside it ("").',
};

function describeParseErrors(errors: readonly Papa.ParseError[]): string | undefined {
  if (errors.length === 0) return undefined;
  return errors.map((error) => QUOTE_PROBLEMS[error.code] ?? error.message).find(Boolean);
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/** Counts line breaks as an editor does (\r\n, \n or a lone \r), moving forward through the text only. */
function lineCounter(text: string): (position: number) => number {
  let line = 1;
  let counted = 0;
  return (position) => {
    for (; counted < position; counted++) {
      const code = text.charCodeAt(counted);
      if (code === 10 || (code === 13 && text.charCodeAt(counted + 1) !== 10)) line++;
    }
    return line;
  };
}

type ParseFormat = { delimiter: string; linebreak: string };

// Papa guesses the separator from the first rows by how consistently each candidate splits
// them; it needs blank lines skipped to do that, so the guess is its own short parse.
function guessFormat(text: string): ParseFormat {
  const { meta } = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: "greedy", delimiter: "", delimitersToGuess: [...CSV_DELIMITERS] });
  return { delimiter: meta.delimiter || ",", linebreak: meta.linebreak || "\n" };
}

/** Calls `onRecord` with each non-blank record of `text` and where it starts and ends in it. */
function parseRecords(text: string, format: ParseFormat, onRecord: (cells: string[], start: number, end: number, errors: readonly Papa.ParseError[]) => void): void {
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: format.delimiter,
    newline: format.linebreak as Papa.ParseConfig["newline"],
    step: (result) => {
      const end = result.meta.cursor;
      if (!isBlank(result.data)) onRecord(result.data, start, end, result.errors);
      start = end;
    },
  });
}

const recordOf = (text: string, cells: string[], line: number, start: number, end: number, errors: readonly Papa.ParseError[]): CsvRecord => {
  const raw = text.slice(start, end).replace(/(\r\n|\n|\r)$/, "");
  const parseError = describeParseErrors(errors);
  return { line, cells, raw, ...(parseError ? { parseError } : {}) };
};

/**
 * The data records after the header, read again a slice at a time. A record always starts the
 * parser afresh, so parsing the text from one record's start to another's gives the same records
 * as parsing the whole file did.
 */
function recordsBetween(text: string, format: ParseFormat, bounds: { starts: number[]; ends: number[]; lines: number[] }): CsvRecords {
  return {
    length: bounds.starts.length,
    slice(from, to) {
      const first = Math.max(0, from);
      const last = Math.min(to, bounds.starts.length);
      if (first >= last) return [];
      const offset = bounds.starts[first];
      const records: CsvRecord[] = [];
      parseRecords(text.slice(offset, bounds.ends[last - 1]), format, (cells, start, end, errors) => {
        records.push(recordOf(text, cells, bounds.lines[first + records.length], offset + start, offset + end, errors));
      });
      return records;
    },
  };
}

/**
 * Reads CSV text with papaparse: quoted fields, embedded separators and line breaks, doubled
 * quotes, a byte-order mark, and `,` `;` or tab as separator. Blank lines are skipped (as
 * papaparse's "greedy" option would) here rather than by papaparse, because each record's line
 * number comes from where the previous one ended, and a skipped line must still be counted.
 * The whole file is parsed once to find its header and where each record lies; the records
 * themselves are read again when asked for, a slice at a time.
 */
export function readCsv(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === BYTE_ORDER_MARK ? input.slice(1) : input;
  const format = guessFormat(text);
  const lineAt = lineCounter(text);
  let header: CsvRecord | undefined;
  const bounds = { starts: [] as number[], ends: [] as number[], lines: [] as number[] };
  parseRecords(text, format, (cells, start, end, errors) => {
    if (!header) {
      header = recordOf(text, cells, lineAt(start), start, end, errors);
      return;
    }
    bounds.starts.push(start);
    bounds.ends.push(end);
    bounds.lines.push(lineAt(start));
  });

  if (!header) return { ok: false, error: "The file is empty. Choose a CSV file with a header row and at least one row of data." };
  if (header.parseError) return { ok: false, error: `The header row can't be read: ${header.parseError}` };
  if (bounds.starts.length === 0) return { ok: false, error: "The file has a header row but no data rows under it." };
  const headers = header.cells.map((name, index) => name.trim() || `Column ${index + 1}`);
  return { ok: true, file: { headers, records: recordsBetween(text, format, bounds), delimiter: format.delimiter } };
}
