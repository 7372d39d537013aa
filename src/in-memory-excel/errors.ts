// The error the fake Excel throws: office-js's RichApi.Error shape (a code
// from Excel.ErrorCodes and a message). Its own module, so the fake's parts
// (format.ts, tables.ts, the objects' files) can throw it without importing
// excel.ts.

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Reading a property before load() + sync() (office-js's PropertyNotLoaded). */
export const notLoaded = (property: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
