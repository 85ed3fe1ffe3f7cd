/** The bench's no-op local activity: returns its argument. */
export function echo(n: number): Promise<number> {
  return Promise.resolve(n);
}
