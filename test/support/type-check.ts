import ts from 'typescript';

/**
 * Type-checks TypeScript sources held in memory, the way a client project would compile them, with the
 * standard library from the installed compiler. Answers the diagnostics as "file:line: message" lines.
 */
export function typeCheck(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Only the generated sources and the standard library: nothing of the project's own @types leaks in.
    types: [],
    lib: ['lib.es2023.d.ts'],
    // The standard library is the compiler's own; checking it again only costs time.
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const inMemory = (fileName: string) => files[fileName];
  const folders = new Set(Object.keys(files).map((fileName) => fileName.slice(0, fileName.lastIndexOf('/'))));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = inMemory(fileName);
    return text === undefined ? getSourceFile(fileName, languageVersion, ...rest) : ts.createSourceFile(fileName, text, languageVersion);
  };
  host.fileExists = (fileName) => inMemory(fileName) !== undefined || fileExists(fileName);
  host.readFile = (fileName) => inMemory(fileName) ?? readFile(fileName);
  host.directoryExists = (name) => folders.has(name) || (directoryExists?.(name) ?? false);

  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
  });
}
