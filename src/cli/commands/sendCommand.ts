export async function runSend(_args: string[]): Promise<number> {
  process.stderr.write('gwhttp: this command is not built yet\n');
  return 2;
}
