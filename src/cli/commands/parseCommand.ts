export async function runParse(_args: string[]): Promise<number> {
  process.stderr.write('gwhttp parse: not built yet\n');
  return 2;
}
