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

export type CsvFile = { headers: string[]; records: CsvRecord[]; delimiter: string };
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

// Papa guesses the separator from the first rows by how consistently each candidate splits
// them; it needs blank lines skipped to do that, so the guess is its own short parse.
function guessFormat(text: string): { delimiter: string; linebreak: string } {
  const { meta } = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: "greedy", delimiter: "", delimitersToGuess: [...CSV_DELIMITERS] });
  return { delimiter: meta.delimiter || ",", linebreak: meta.linebreak || "\n" };
}

/**
 * Reads CSV text with papaparse: quoted fields, embedded separators and line breaks, doubled
 * quotes, a byte-order mark, and `,` `;` or tab as separator. Blank lines are skipped (as
 * papaparse's "greedy" option would) here rather than by papaparse, because each record's line
 * number comes from where the previous one ended, and a skipped line must still be counted.
 */
export function readCsv(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === BYTE_ORDER_MARK ? input.slice(1) : input;
  const { delimiter, linebreak } = guessFormat(text);
  const lineAt = lineCounter(text);
  const rows: CsvRecord[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: linebreak as Papa.ParseConfig["newline"],
    step: (result) => {
      const end = result.meta.cursor;
      if (!isBlank(result.data)) {
        const raw = text.slice(start, end).replace(/(\r\n|\n|\r)$/, "");
        const parseError = describeParseErrors(result.errors);
        rows.push({ line: lineAt(start), cells: result.data, raw, ...(parseError ? { parseError } : {}) });
      }
      start = end;
    },
  });

  const [header, ...records] = rows;
  if (!header) return { ok: false, error: "The file is empty. Choose a CSV file with a header row and at least one row of data." };
  if (header.parseError) return { ok: false, error: `The header row can't be read: ${header.parseError}` };
  if (records.length === 0) return { ok: false, error: "The file has a header row but no data rows under it." };
  const headers = header.cells.map((name, index) => name.trim() || `Column ${index + 1}`);
  return { ok: true, file: { headers, records, delimiter } };
}
