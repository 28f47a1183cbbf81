import { describe, expect, test } from "vitest";
import { readCsv } from "./csv-file";

function read(text: string) {
  const result = readCsv(text);
  if (!result.ok) throw new Error(result.error);
  return { ...result.file, records: result.file.records.slice(0, result.file.records.length) };
}

describe("readCsv", () => {
  test("commas, quoted separators, doubled quotes", () => {
    const file = read('email,name,note\na@x.example,"Doe, Jane","said ""hi"""\n');
    expect(file.delimiter).toBe(",");
    expect(file.headers).toEqual(["email", "name", "note"]);
    expect(file.records).toEqual([{ line: 2, cells: ["a@x.example", "Doe, Jane", 'said "hi"'], raw: 'a@x.example,"Doe, Jane","said ""hi"""' }]);
  });

  test("a byte-order mark is dropped and `;` is detected even when values contain commas", () => {
    const file = read('\uFEFFE-mail;Employees\n"a@x.example";"1,200"\r\n');
    expect(file.delimiter).toBe(";");
    expect(file.headers).toEqual(["E-mail", "Employees"]);
    expect(file.records[0].cells).toEqual(["a@x.example", "1,200"]);
  });

  test("tabs are detected", () => {
    expect(read("email\tcompany\na@x.example\tAcme\n").delimiter).toBe("\t");
  });

  test("line numbers are where each record starts, counting embedded line breaks and blank lines", () => {
    const text = ['email;note', 'a@x.example;"two', 'lines"', "", "b@x.example;plain", '   ', 'c@x.example;"three', "", 'lines"', "d@x.example;end"].join("\r\n");
    const file = read(text);
    expect(file.records.map((record) => [record.line, record.cells[0]])).toEqual([
      [2, "a@x.example"],
      [5, "b@x.example"],
      [7, "c@x.example"],
      [10, "d@x.example"],
    ]);
    expect(file.records[0].cells[1]).toBe("two\r\nlines");
    expect(file.records[2].raw).toBe('c@x.example;"three\r\n\r\nlines"');
  });

  test("lone \\r line breaks count as lines too", () => {
    expect(read("email\ra@x.example\r\rb@x.example").records.map((record) => record.line)).toEqual([2, 4]);
  });

  test("rows of empty values are skipped like blank lines", () => {
    expect(read("email,name\n , \na@x.example,A\n,\n").records.map((record) => record.line)).toEqual([3]);
  });

  test("a quote that is never closed makes that record a bad one that says so", () => {
    const file = read('email,name\na@x.example,ok\nb@x.example,"unclosed\nc@x.example,lost\n');
    expect(file.records).toHaveLength(2);
    expect(file.records[1]).toMatchObject({ line: 3, parseError: expect.stringContaining("never closed") });
  });

  test("blank header names get a name; empty files and header-only files are refused with a reason", () => {
    expect(read("email,,x\na,b,c").headers).toEqual(["email", "Column 2", "x"]);
    expect(readCsv("")).toEqual({ ok: false, error: expect.stringContaining("empty") });
    expect(readCsv("\n\n")).toEqual({ ok: false, error: expect.stringContaining("empty") });
    expect(readCsv("email,name\n")).toEqual({ ok: false, error: expect.stringContaining("no data rows") });
  });

  test("records read a slice at a time are the records of the whole file, wherever the slices fall", () => {
    const text = [
      "email;note",
      'a@x.example;"two\r\nlines; with ""quotes"""',
      "",
      "b@x.example;plain",
      " ; ",
      'c@x.example;"three\n\nlines"',
      "d@x.example;text after a \"quote\" inside",
      'e@x.example;"closed" then text',
      "f@x.example;end",
      'g@x.example;"unclosed',
      "h@x.example;swallowed",
    ].join("\r\n");
    const result = readCsv(text);
    if (!result.ok) throw new Error(result.error);
    const { records } = result.file;
    const whole = records.slice(0, records.length);
    expect(whole.map((record) => record.line)).toEqual([2, 5, 7, 10, 11]);
    for (let size = 1; size <= records.length; size++) {
      const sliced = [];
      for (let from = 0; from < records.length; from += size) sliced.push(...records.slice(from, from + size));
      expect(sliced).toEqual(whole);
    }
    expect(records.slice(3, 100)).toEqual(whole.slice(3));
    expect(records.slice(4, 4)).toEqual([]);
  });
});
