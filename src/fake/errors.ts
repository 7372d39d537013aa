// The error the fake Excel throws: office-js's RichApi.Error shape (a code
// from Excel.ErrorCodes and a message). Its own module, so the fake's parts
// (format.ts, tables.ts) can throw it without importing excel.ts.

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}
