/** Terminal colours: only on a TTY and never when NO_COLOR is set (https://no-color.org). */
export interface Style {
  bold(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const plainStyle: Style = { bold: (t) => t, green: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t };

export const colourStyle: Style = { bold: wrap(1, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22) };

export function styleFor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Style {
  return stream.isTTY && env['NO_COLOR'] === undefined ? colourStyle : plainStyle;
}
