/** Asks for a secret in the terminal without echoing it. */

export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

export function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value.join(''));
          return;
        }
        // Ctrl-C, Ctrl-D
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new PromptCancelled('Cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value.push(char);
      }
    };
    stdin.on('data', onData);
  });
}
